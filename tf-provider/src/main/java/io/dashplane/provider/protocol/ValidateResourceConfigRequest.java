package io.dashplane.provider.protocol;

/** {@code config}: msgpack of the resource configuration (null when unset). */
public record ValidateResourceConfigRequest(String typeName, byte[] config) {}
