package io.dashplane.server.environment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/environments/{env}} (replaces the description and the validation mode: absent
 * means empty and {@code strict}, as on create) and of {@code PATCH} (changes only the members present).
 * {@code version} is the optional compare-and-set version. The name and org id of an environment cannot change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentUpdate(
        @Size(max = 2000) String description,
        @Pattern(regexp = "strict|warn", message = "must be strict or warn") String validation,
        Long version) {
}
