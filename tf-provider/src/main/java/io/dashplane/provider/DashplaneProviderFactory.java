package io.dashplane.provider;

import io.dashplane.provider.plugin.ProviderFactory;
import io.dashplane.provider.protocol.ProviderProtocol;

/** Registers {@link DashplaneProvider} with the plugin host (META-INF/services). */
public final class DashplaneProviderFactory implements ProviderFactory {
    @Override
    public ProviderProtocol create() {
        return DashplaneProvider.protocol();
    }

    @Override
    public ProviderProtocol create(java.util.Map<String, String> environment, java.nio.file.Path workingDirectory) {
        return new io.dashplane.provider.framework.FrameworkProvider<>(
                new DashplaneProvider(environment, workingDirectory));
    }
}
