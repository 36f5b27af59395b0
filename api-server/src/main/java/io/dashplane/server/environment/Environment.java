package io.dashplane.server.environment;

/**
 * An environment as stored and returned. {@code orgId} is the environment's Grafana organization id (the
 * default environment is org 1): what {@code X-Grafana-Org-Id} selects on the Grafana-compatible API.
 */
public record Environment(String name, long orgId, String description, long version, String createdAt,
                          String updatedAt) {
    /** An environment whose org id the repository assigns on insert (the next free number). */
    public static Environment withNextOrgId(String name, String description, String now) {
        return new Environment(name, 0, description, 1, now, now);
    }
}
