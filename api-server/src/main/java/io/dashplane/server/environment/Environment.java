package io.dashplane.server.environment;

/** An environment as stored and returned. */
public record Environment(String name, String description, long version, String createdAt, String updatedAt) {
}
