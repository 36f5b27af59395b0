package io.dashplane.provider.framework;

import java.util.List;

/**
 * A provider: its configuration schema, how a configuration becomes provider data {@code P} that
 * every resource call receives, and its resource and data source types. Wrap it in
 * {@link FrameworkProvider} to get a {@code ProviderProtocol}.
 */
public interface ProviderDefinition<P> {
    Schema schema();

    /** Checks across provider attributes; values may be unknown. */
    default void validateConfig(Values config, Diagnostics diagnostics) {
    }

    /**
     * Builds the provider data from the configuration (values may be unknown when it depends on
     * resources not yet created). Returns null after adding errors when the provider cannot work.
     */
    P configure(Values config, Diagnostics diagnostics);

    List<Resource<P>> resources();

    List<DataSource<P>> dataSources();

    /** Cancels in-flight work of the configured provider (Ctrl-C); {@code provider} may be null. */
    default void stop(P provider) {
    }
}
