package io.dashplane.server.changes.api;

import io.dashplane.server.changes.Change;
import io.dashplane.server.changes.ChangeBatch;
import io.dashplane.server.changes.ChangeFeed;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.storage.Database;
import java.util.List;

/** Reads an environment's change feed, waiting (long poll) for a change when asked to. */
public final class ChangeFeedService {
    /** The longest a caller may ask to wait. */
    public static final int MAX_WAIT_SECONDS = 60;
    /** The most changes one answer carries. */
    public static final int MAX_CHANGES = 1000;

    private final Database db;
    private final EnvironmentService environments;

    public ChangeFeedService(Database db, EnvironmentService environments) {
        this.db = db;
        this.environments = environments;
    }

    /**
     * The changes of {@code env} after {@code since}; when there are none and {@code waitSeconds} is positive, waits
     * up to that long for a committed write and reads again. An environment deleted while waiting is a 404.
     */
    public ChangeBatch changes(String env, long since, int waitSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (true) {
            long seen = db.commitCount();
            ChangeBatch batch = read(env, since);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (!batch.changes().isEmpty() || left <= 0) {
                return batch;
            }
            db.awaitCommitAfter(seen, left);
        }
    }

    private ChangeBatch read(String env, long since) {
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
}
