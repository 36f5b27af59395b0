package io.dashplane.provider.protocol;

/** {@code config}: msgpack of the provider configuration. */
public record ConfigureProviderRequest(String terraformVersion, byte[] config) {}
