package io.dashplane.provider.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plan-time validation of dashboards, batched ({@link GroupBatches}): the checks of an environment that arrive
 * while one validation request is in flight leave together in the next request. Thread-safe.
 */
public final class BatchedChecks {
    /** Items per request: well below the server's body limit for corpus-sized dashboards. */
    static final int MAX_BATCH = 200;

    private final DashplaneClient client;
    private final PlannedObjects planned = new PlannedObjects();
    private final Map<String, GroupBatches<DashboardCheck, CheckAnswer>> queues = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public BatchedChecks(DashplaneClient client) {
        this.client = client;
    }

    /** What the running plan creates; checks take it as existing. */
    public PlannedObjects planned() {
        return planned;
    }

    /** Validation requests sent so far (PlanValidationBenchmark prints it). */
    public long requests() {
        return requests.get();
    }

    /**
     * The answer to {@code check} in {@code environment}; blocks while batches are sent. Throws the client's
     * exceptions when the validation request itself fails, and {@link DashplaneException} when interrupted.
     */
    public CheckAnswer check(String environment, DashboardCheck check) {
        return queues.computeIfAbsent(environment, env -> new GroupBatches<>(MAX_BATCH, batch -> {
            requests.incrementAndGet();
            return client.checkDashboards(env, planned, batch);
        }, "plan-time validation was cancelled")).call(check);
    }
}
