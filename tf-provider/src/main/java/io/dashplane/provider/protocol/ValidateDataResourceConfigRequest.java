package io.dashplane.provider.protocol;

/** {@code config}: msgpack of the data source configuration (null when unset). */
public record ValidateDataResourceConfigRequest(String typeName, byte[] config) {}
