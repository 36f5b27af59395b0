package io.dashplane.provider.protocol;

/** {@code config}: msgpack of the provider configuration (null when unset). */
public record ValidateProviderConfigRequest(byte[] config) {}
