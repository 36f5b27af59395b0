package io.dashplane.provider.testprovider;

import io.dashplane.provider.plugin.ProviderFactory;
import io.dashplane.provider.protocol.ProviderProtocol;

public final class TestProviderFactory implements ProviderFactory {
    @Override
    public ProviderProtocol create() {
        return new TestProvider();
    }
}
