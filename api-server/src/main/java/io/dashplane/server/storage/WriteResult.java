package io.dashplane.server.storage;

/** The outcome of a create-or-replace: the object as stored and whether it was created. */
public record WriteResult<T>(T value, boolean created) {
}
