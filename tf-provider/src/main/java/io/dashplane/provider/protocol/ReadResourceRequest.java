package io.dashplane.provider.protocol;

/** Refresh: {@code currentState} msgpack, {@code privateState} opaque bytes from the last plan/apply. */
public record ReadResourceRequest(String typeName, byte[] currentState, byte[] privateState, byte[] providerMeta) {}
