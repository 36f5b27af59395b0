package io.dashplane.provider.client;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard reads of a refresh, batched ({@link GroupBatches}): Terraform refreshes up to {@code -parallelism}
 * dashboards at once, and the reads of an environment that arrive while one {@code POST .../dashboards/_read} is in
 * flight leave together in the next one, instead of one GET each. Thread-safe.
 */
public final class BatchedReads {
    /** Uids per request: the server takes up to 500; 200 corpus-sized dashboards are a few MB. */
    static final int MAX_BATCH = 200;

    private final DashplaneClient client;
    private final Map<String, GroupBatches<String, Optional<Dashboard>>> queues = new ConcurrentHashMap<>();

    public BatchedReads(DashplaneClient client) {
        this.client = client;
    }

    /** The dashboard {@code uid} of {@code environment} as {@link DashplaneClient#getDashboard} answers it. */
    public Optional<Dashboard> get(String environment, String uid) {
        return queues.computeIfAbsent(environment, env -> new GroupBatches<>(MAX_BATCH,
                batch -> client.getDashboards(env, batch), "reading dashboards was cancelled")).call(uid);
    }
}
