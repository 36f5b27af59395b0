package io.dashplane.provider.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plan-time validation of dashboards, batched: Terraform plans up to {@code -parallelism} resources at once, and
 * each caller blocks until its answer is in. While one validation request of an environment is in flight, the
 * checks that arrive meanwhile queue up and leave together in the next request (as a database's group commit):
 * a lone check costs one round trip and no added wait, concurrent ones share round trips, with no timer to tune.
 * One of the waiting callers sends the next batch, so no thread is added. Thread-safe.
 */
public final class BatchedChecks {
    /** Items per request: well below the server's body limit for corpus-sized dashboards. */
    static final int MAX_BATCH = 200;

    private final DashplaneClient client;
    private final PlannedObjects planned = new PlannedObjects();
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
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
        return queues.computeIfAbsent(environment, Queue::new).check(check);
    }

    private static final class Pending {
        final DashboardCheck check;
        CheckAnswer answer;
        RuntimeException failure;
        boolean done;

        Pending(DashboardCheck check) {
            this.check = check;
        }
    }

    private final class Queue {
        private final String environment;
        private List<Pending> waiting = new ArrayList<>();
        private boolean sending;

        Queue(String environment) {
            this.environment = environment;
        }

        CheckAnswer check(DashboardCheck check) {
            Pending mine = new Pending(check);
            synchronized (this) {
                waiting.add(mine);
            }
            while (true) {
                List<Pending> batch;
                synchronized (this) {
                    while (!mine.done && (sending || waiting.isEmpty())) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            waiting.remove(mine);
                            throw new DashplaneException("plan-time validation was cancelled");
                        }
                    }
                    if (mine.done) {
                        if (mine.failure != null) {
                            throw mine.failure;
                        }
                        return mine.answer;
                    }
                    sending = true;
                    int size = Math.min(MAX_BATCH, waiting.size());
                    batch = new ArrayList<>(waiting.subList(0, size));
                    waiting = new ArrayList<>(waiting.subList(size, waiting.size()));
                }
                send(batch);
            }
        }

        private void send(List<Pending> batch) {
            List<CheckAnswer> answers = null;
            RuntimeException failure = null;
            try {
                requests.incrementAndGet();
                answers = client.checkDashboards(environment, planned, batch.stream().map(p -> p.check).toList());
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (this) {
                for (int i = 0; i < batch.size(); i++) {
                    Pending pending = batch.get(i);
                    pending.answer = answers == null ? null : answers.get(i);
                    pending.failure = failure;
                    pending.done = true;
                }
                sending = false;
                notifyAll();
            }
        }
    }
}
