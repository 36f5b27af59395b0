package io.dashplane.provider.resources;

import io.dashplane.provider.client.BatchedChecks;
import io.dashplane.provider.client.BatchedReads;
import io.dashplane.provider.client.DashplaneClient;

import java.util.Objects;

/**
 * What every resource and data source call gets from the configured provider block.
 *
 * @param client      the shared, thread-safe HTTP client of the config server
 * @param environment the provider's environment, the default of every {@code environment} attribute
 * @param checks      plan-time validation, batched across concurrent plans, with what this plan creates
 * @param reads       dashboard reads of a refresh, batched across concurrent reads
 */
public record ProviderData(DashplaneClient client, String environment, BatchedChecks checks, BatchedReads reads) {
    public ProviderData {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(reads, "reads");
    }

    public ProviderData(DashplaneClient client, String environment) {
        this(client, environment, new BatchedChecks(client), new BatchedReads(client));
    }
}
