package io.dashplane.server.environment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dashplane.schema.validation.ValidationMode;

/**
 * An environment as stored and returned. {@code orgId} is the environment's Grafana organization id (the
 * default environment is org 1): what {@code X-Grafana-Org-Id} selects on the Grafana-compatible API.
 * {@code validation} is {@code strict} or {@code warn} (see {@link ValidationMode}).
 */
public record Environment(String name, long orgId, String description, String validation, long version,
                          String createdAt, String updatedAt) {
    /** An environment whose org id the repository assigns on insert (the next free number). */
    public static Environment withNextOrgId(String name, String description, String now) {
        return new Environment(name, 0, description, ValidationMode.STRICT.wireName(), 1, now, now);
    }

    @JsonIgnore
    public ValidationMode validationMode() {
        ValidationMode mode = ValidationMode.parse(validation);
        return mode == null ? ValidationMode.STRICT : mode;
    }
}
