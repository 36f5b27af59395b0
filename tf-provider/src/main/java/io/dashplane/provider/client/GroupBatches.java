package io.dashplane.provider.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Joins concurrent calls into batched requests, as a database's group commit does: while one request is in flight,
 * the items that arrive meanwhile queue up and leave together in the next one. A lone item costs one round trip
 * and no added wait, concurrent ones share round trips, with no timer to tune. One of the waiting callers sends
 * the next batch, so no thread is added. Terraform plans and refreshes up to {@code -parallelism} resources at
 * once, each blocking its gRPC thread until its answer is in. Thread-safe.
 *
 * @param <I> what one caller asks
 * @param <O> its answer
 */
final class GroupBatches<I, O> {
    private final int maxBatch;
    private final Function<List<I>, List<O>> send;
    private final String cancelled;
    private List<Pending<I, O>> waiting = new ArrayList<>();
    private boolean sending;

    /**
     * @param send      answers a batch, one answer per item in order; its exceptions reach every caller of the batch
     * @param cancelled the message of the {@link DashplaneException} an interrupted caller gets
     */
    GroupBatches(int maxBatch, Function<List<I>, List<O>> send, String cancelled) {
        this.maxBatch = maxBatch;
        this.send = send;
        this.cancelled = cancelled;
    }

    private static final class Pending<I, O> {
        final I item;
        O answer;
        RuntimeException failure;
        boolean done;

        Pending(I item) {
            this.item = item;
        }
    }

    /** The answer to {@code item}; blocks while batches are sent. */
    O call(I item) {
        Pending<I, O> mine = new Pending<>(item);
        synchronized (this) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending<I, O>> batch;
            synchronized (this) {
                while (!mine.done && (sending || waiting.isEmpty())) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        waiting.remove(mine);
                        throw new DashplaneException(cancelled);
                    }
                }
                if (mine.done) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return mine.answer;
                }
                sending = true;
                int size = Math.min(maxBatch, waiting.size());
                batch = new ArrayList<>(waiting.subList(0, size));
                waiting = new ArrayList<>(waiting.subList(size, waiting.size()));
            }
            sendBatch(batch);
        }
    }

    private void sendBatch(List<Pending<I, O>> batch) {
        List<O> answers = null;
        RuntimeException failure = null;
        try {
            answers = send.apply(batch.stream().map(p -> p.item).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) {
                Pending<I, O> pending = batch.get(i);
                pending.answer = answers == null ? null : answers.get(i);
                pending.failure = failure;
                pending.done = true;
            }
            sending = false;
            notifyAll();
        }
    }
}
