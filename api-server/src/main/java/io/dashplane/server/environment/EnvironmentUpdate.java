package io.dashplane.server.environment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/v1/environments/{env}}: the new description and the optional compare-and-set
 * version. The name and org id of an environment cannot change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentUpdate(
        @NotNull(message = "description is required (\"\" for none)") @Size(max = 2000) String description,
        Long version) {
}
