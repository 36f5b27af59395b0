package io.dashplane.server.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** Body of POST/PUT /api/v1/service-accounts: {@code roles} maps environment names to Viewer, Editor or Admin. */
public record ServiceAccountRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.@-]{1,190}", message = "must be 1-190 characters of [A-Za-z0-9_.@-]") String name,
        String description, Boolean serverAdmin, Map<String, String> roles) {
}
