package io.dashplane.provider.plugin;

/** Entry point of {@code terraform-provider-dashplane}: the provider comes from the {@link ProviderFactory} SPI. */
public final class PluginMain {
    private PluginMain() {}

    public static void main(String[] args) {
        PluginServer.serve(args, ProviderLoader::load);
    }
}
