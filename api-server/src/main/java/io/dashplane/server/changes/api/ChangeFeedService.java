package io.dashplane.server.changes.api;

import io.dashplane.server.changes.Change;
import io.dashplane.server.changes.ChangeBatch;
import io.dashplane.server.changes.ChangeFeed;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.storage.Database;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads an environment's change feed and holds long polls. A waiting poll takes no HTTP worker thread: it is a
 * {@link Waiter} here, and after every committed write one dispatcher thread reads the feed for each waiter and
 * completes those that have news.
 */
public final class ChangeFeedService {
    /** The longest a caller may ask to wait. */
    public static final int MAX_WAIT_SECONDS = 60;
    /** The most changes one answer carries. */
    public static final int MAX_CHANGES = 1000;

    private final Database db;
    private final EnvironmentService environments;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private final ThreadPoolExecutor dispatcher;

    /** A held long poll; exactly one of {@code answer} and {@code fail} is called, once. */
    public record Waiter(String env, long since, Consumer<ChangeBatch> answer, Consumer<RuntimeException> fail) {
    }

    public ChangeFeedService(Database db, EnvironmentService environments) {
        this.db = db;
        this.environments = environments;
        this.dispatcher = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        dispatcher.allowCoreThreadTimeOut(true);
        db.onCommit(this::scheduleCheck);
    }

    /** The changes of {@code env} after {@code since} (404 when the environment does not exist). */
    public ChangeBatch read(String env, long since) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            List<Change> changes = ChangeFeed.after(tx, env, since, MAX_CHANGES + 1);
            if (changes.size() > MAX_CHANGES) {
                List<Change> cut = changes.subList(0, MAX_CHANGES);
                return new ChangeBatch(cut.get(cut.size() - 1).sequence(), true, List.copyOf(cut));
            }
            return new ChangeBatch(ChangeFeed.latest(tx, env), false, changes);
        });
    }

    /** Holds {@code waiter} until a commit brings changes after its {@code since} (or it is {@link #withdraw}n). */
    public void hold(Waiter waiter) {
        waiters.add(waiter);
        scheduleCheck(); // a write committed between the caller's read and this registration is not missed
    }

    /** Takes a waiter back (its poll timed out); false when it was already answered or is being answered. */
    public boolean withdraw(Waiter waiter) {
        return waiters.remove(waiter);
    }

    private void scheduleCheck() {
        if (!waiters.isEmpty() && checkQueued.compareAndSet(false, true)) {
            dispatcher.execute(this::check);
        }
    }

    private void check() {
        checkQueued.set(false);
        for (Waiter w : waiters) {
            ChangeBatch batch;
            try {
                batch = read(w.env(), w.since());
            } catch (RuntimeException e) {
                if (waiters.remove(w)) {
                    w.fail().accept(e);
                }
                continue;
            }
            if (!batch.changes().isEmpty() && waiters.remove(w)) {
                w.answer().accept(batch);
            }
        }
    }
}
