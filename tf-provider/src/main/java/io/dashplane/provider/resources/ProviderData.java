package io.dashplane.provider.resources;

import io.dashplane.provider.client.DashplaneClient;

import java.util.Objects;

/**
 * What every resource and data source call gets from the configured provider block.
 *
 * @param client      the shared, thread-safe HTTP client of the config server
 * @param environment the provider's environment, the default of every {@code environment} attribute
 */
public record ProviderData(DashplaneClient client, String environment) {
    public ProviderData {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(environment, "environment");
    }
}
