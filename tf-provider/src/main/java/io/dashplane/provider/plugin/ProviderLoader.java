package io.dashplane.provider.plugin;

import io.dashplane.provider.protocol.ProviderProtocol;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the single {@link ProviderFactory} on the class path. */
public final class ProviderLoader {
    private ProviderLoader() {}

    static ProviderProtocol load() {
        return load(null, null);
    }

    /** With a session's environment and working directory (the provider daemon); null: the process's own. */
    public static ProviderProtocol load(java.util.Map<String, String> environment, java.nio.file.Path workingDirectory) {
        List<ProviderFactory> factories = ServiceLoader.load(ProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (factories.size() != 1) {
            throw new IllegalStateException("expected exactly one " + ProviderFactory.class.getName()
                    + " on the class path, found " + factories.size());
        }
        return environment == null ? factories.get(0).create() : factories.get(0).create(environment, workingDirectory);
    }
}
