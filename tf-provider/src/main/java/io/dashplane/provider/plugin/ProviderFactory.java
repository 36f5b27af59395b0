package io.dashplane.provider.plugin;

import io.dashplane.provider.protocol.ProviderProtocol;

/**
 * Service-provider interface through which the executable finds the provider: register an implementation in
 * {@code META-INF/services/io.dashplane.provider.plugin.ProviderFactory}. Called lazily, on the first RPC that
 * needs the provider, so its start-up cost stays out of the handshake.
 */
public interface ProviderFactory {
    ProviderProtocol create();
}
