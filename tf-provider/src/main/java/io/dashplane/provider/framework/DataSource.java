package io.dashplane.provider.framework;

/**
 * A data source type: its schema plus a read of the complete state from a wholly known configuration.
 *
 * @param <P> the provider data returned by {@link ProviderDefinition#configure}
 */
public interface DataSource<P> {
    /** E.g. {@code dashplane_folder}. */
    String typeName();

    Schema schema();

    /** Checks across attributes; values may be unknown. */
    default void validateConfig(Values config, Diagnostics diagnostics) {
    }

    /** The state: the configuration with every computed attribute filled in. */
    Values read(Values config, ResourceContext<P> context);
}
