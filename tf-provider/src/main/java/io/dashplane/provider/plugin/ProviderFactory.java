package io.dashplane.provider.plugin;

import io.dashplane.provider.protocol.ProviderProtocol;

/**
 * Service-provider interface through which the executable finds the provider: register an implementation in
 * {@code META-INF/services/io.dashplane.provider.plugin.ProviderFactory}. Called lazily, on the first RPC that
 * needs the provider, so its start-up cost stays out of the handshake.
 */
public interface ProviderFactory {
    ProviderProtocol create();

    /**
     * A provider for one plugin session of the provider daemon, reading its settings from that session's
     * environment instead of the daemon process's and resolving relative file paths against the session's
     * working directory. Providers that read neither need not override it.
     */
    default ProviderProtocol create(java.util.Map<String, String> environment, java.nio.file.Path workingDirectory) {
        return create();
    }
}
