package io.dashplane.server.auth;

import jakarta.validation.constraints.NotBlank;

/** Body of PUT /api/v1/service-accounts/{id}/roles/{env}. */
public record RoleGrantRequest(@NotBlank String role) {
}
