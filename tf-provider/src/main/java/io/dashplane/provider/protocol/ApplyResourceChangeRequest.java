package io.dashplane.provider.protocol;

/** {@code plannedState} null means delete. All values msgpack. */
public record ApplyResourceChangeRequest(String typeName, byte[] priorState, byte[] plannedState, byte[] config,
                                         byte[] plannedPrivate, byte[] providerMeta) {}
