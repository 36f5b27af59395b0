package io.dashplane.server.environment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentRequest(
        @NotNull(message = "name is required")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 characters of [A-Za-z0-9_-]")
        String name,
        @Size(max = 2000) String description,
        @Positive(message = "must be a positive integer") Long orgId,
        @Pattern(regexp = "strict|warn", message = "must be strict or warn") String validation) {
}
