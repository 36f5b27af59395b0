package io.dashplane.provider.protocol;

/** One imported object: {@code state} msgpack conforming to the schema of {@code typeName}. */
public record ImportedResource(String typeName, byte[] state, byte[] privateState) {}
