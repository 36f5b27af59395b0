package io.dashplane.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: SQLite in the data directory (the default) or a PostgreSQL server shared by several replicas; a
 * small connection pool, jOOQ in the matching dialect, and the transaction discipline every repository call goes
 * through.
 *
 * <p>PostgreSQL: writes keep the one-writer-at-a-time discipline across replicas: a write first takes this JVM's
 * write lock, then a PostgreSQL session advisory lock shared by every replica, and only then begins its transaction
 * (REPEATABLE READ), so a read-check-write (the version check of an If-Match write, a uniqueness check) sees every
 * write committed before it, whichever replica made it: a stale If-Match gets 409, never a silent overwrite. The
 * advisory lock is tied to the connection, so a replica killed mid-write releases it with its connection. Reads run
 * concurrently on one snapshot each. A transaction PostgreSQL still aborts as a serialization failure or deadlock
 * (e.g. against a tool writing directly) is run again from the start.
 *
 * <p>Writes: SQLite allows one writer at a time. Instead of letting 16 concurrent request threads race
 * for the write lock (and fail with SQLITE_BUSY when a deferred read transaction tries to upgrade),
 * every write transaction takes an in-process fair lock first, so writers queue in the JVM and never
 * contend inside SQLite; queued writers share one commit (see {@link #write}). busy_timeout still covers other processes (backup tools, a second server
 * started by mistake) and WAL checkpoints. Reads run concurrently (WAL gives each a snapshot).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    public static final String FILE_NAME = "dashplane.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /**
     * Test hook only (FullDiskTest): when this system property is set as the database opens, every write
     * transaction first applies {@code PRAGMA max_page_count = <its current value>} (the SQLite default when it
     * is cleared later), so a test can make the database full on demand and free it again without root.
     * {@code max_page_count} is per connection, hence per transaction. Never set it in production.
     */
    public static final String TEST_MAX_PAGE_COUNT_PROPERTY = "dashplane.test.sqliteMaxPageCount";
    private static final long SQLITE_MAX_PAGE_COUNT = 4294967294L;

    /**
     * Test hook only (ReplicasIT): when this system property is {@code true} as the database opens, PostgreSQL writes
     * skip the advisory lock shared by the replicas, so that concurrent writes of several replicas meet in the
     * database and only its checks (REPEATABLE READ, the version in each UPDATE/DELETE, unique constraints) keep
     * them correct. Never set it in production: it trades the queue for retried serialization failures.
     */
    public static final String TEST_NO_REPLICA_WRITE_LOCK_PROPERTY = "dashplane.test.noReplicaWriteLock";

    /** Attempts of a PostgreSQL transaction that keeps losing serialization races before its error is reported. */
    private static final int SERIALIZATION_ATTEMPTS = 20;
    /** The key of the PostgreSQL advisory lock every replica's writes take ("dashplan" in ASCII). */
    private static final long WRITE_LOCK_KEY = 0x64617368706c616eL;

    private final HikariDataSource pool;
    private final DSLContext dsl;
    /** Writers commit in batches of at most this many transactions (bounds the wait of the first one). */
    static final int MAX_BATCH = 64;
    /** How often the checkpointer looks for committed WAL frames to copy into the database file. */
    static final long CHECKPOINT_INTERVAL_MS = 200;

    private final SQLDialect dialect;
    /** Where the data is, for log lines (a file, or a PostgreSQL URL without credentials). */
    private final String location;
    private final Leadership leadership;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
    /** The open batch, or null; guarded by {@link #writeLock}. */
    private Batch batch;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedWrites = new AtomicLong();
    private final AtomicLong uncacheable = new AtomicLong();
    /** Per table, the committed write transactions that changed it ({@link #changesTo}). */
    private final java.util.Map<String, AtomicLong> tableCommits = new java.util.concurrent.ConcurrentHashMap<>();
    /** The physical connections whose update hook feeds the running batch's changed tables; guarded by the write lock. */
    private final java.util.Set<org.sqlite.SQLiteConnection> hooked =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    /** Nanoseconds spent holding the SQLite write lock: writers' work, and commits (reported at close). */
    private long workNanos;
    private long commitNanos;
    private long lockWaitNanos;
    private final Path file;
    private final boolean replicaWriteLock = !Boolean.getBoolean(TEST_NO_REPLICA_WRITE_LOCK_PROPERTY);
    private final boolean pageLimitHook = System.getProperty(TEST_MAX_PAGE_COUNT_PROPERTY) != null;
    /** Whether a full disk was reported and no write has succeeded since: logs once per episode. */
    private final AtomicBoolean fullReported = new AtomicBoolean();
    /** Numbers the SQLite commits: the last one made (its WAL frames written, maybe not synced yet). */
    private final AtomicLong committedThrough = new AtomicLong();
    /** Guards {@link #syncedThrough}, {@link #syncing} and {@link #walSyncs}; {@link #synced} signals a sync's end. */
    private final ReentrantLock syncLock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition synced = syncLock.newCondition();
    /** The commits up to this number are on disk. */
    private long syncedThrough;
    private boolean syncing;
    private long walSyncs;
    /** Runs the WAL checkpoints (SQLite): outside the write lock, so that no commit waits for one. */
    private final java.util.concurrent.ScheduledExecutorService checkpointer;
    /** Commits made since the checkpointer last looked; it checkpoints only when there were some. */
    private final AtomicLong uncheckpointedCommits = new AtomicLong();
    private final AtomicBoolean checkpointFailing = new AtomicBoolean();
    /** Told after every committed write transaction (long polls of the change feed). */
    private final java.util.List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(Path file, HikariDataSource pool, SQLDialect dialect, String location) {
        this.file = file;
        this.pool = pool;
        this.dialect = dialect;
        this.location = location;
        this.leadership = dialect == SQLDialect.POSTGRES ? Leadership.amongReplicas(pool) : Leadership.alone();
        this.dsl = DSL.using(pool, dialect, settings);
        this.checkpointer = dialect == SQLDialect.SQLITE ? startCheckpointer() : null;
    }

    /** Opens (creating when absent) the SQLite database in {@code dataDir} and applies pending migrations. */
    public static Database open(Path dataDir) {
        return open(dataDir, null);
    }

    /**
     * Opens the PostgreSQL database of {@code postgres}, or the SQLite database in {@code dataDir} when it is null,
     * and applies pending migrations (under Flyway's lock: replicas starting together migrate once).
     */
    public static Database open(Path dataDir, PostgresSettings postgres) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        return postgres == null ? openSqlite(dataDir) : openPostgres(postgres);
    }

    private static Database openPostgres(PostgresSettings postgres) {
        // Flyway reads its history after taking its lock, which only sees the other replicas' migrations under READ
        // COMMITTED (a REPEATABLE READ snapshot taken before the wait would not): a pool of its own for it.
        try (HikariDataSource migrations = postgresPool(postgres, "dashplane-postgres-migrations", 2,
                "TRANSACTION_READ_COMMITTED")) {
            Migrations.apply(migrations);
        }
        HikariDataSource pool = postgresPool(postgres, "dashplane-postgres", 16, "TRANSACTION_REPEATABLE_READ");
        return new Database(null, pool, SQLDialect.POSTGRES, postgres.toString());
    }

    private static HikariDataSource postgresPool(PostgresSettings postgres, String name, int size,
                                                 String isolation) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(postgres.url());
        if (postgres.user() != null) {
            hikari.setUsername(postgres.user());
        }
        if (postgres.password() != null) {
            hikari.setPassword(postgres.password());
        }
        hikari.setPoolName(name);
        hikari.setTransactionIsolation(isolation);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(true);
        // A server that starts while PostgreSQL is away fails at once with the driver's message; once running,
        // the pool replaces broken connections by itself and /readyz says false meanwhile.
        hikari.setInitializationFailTimeout(1);
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        return new HikariDataSource(hikari);
    }

    private static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();

        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: the WAL is fsync'd at every commit. NORMAL would already survive kill -9 (the
        // committed WAL frames sit in the OS page cache, which outlives the process), but not an OS
        // crash or power cut. "Nothing acknowledged is lost" should hold for those too. The group
        // commit of write() switches its own connection to NORMAL and syncs the WAL itself, outside
        // the write lock, before it acknowledges anything; every other use of a connection keeps FULL.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // Temporary storage in memory: every writer of a group commit runs in a savepoint, whose sub-journal (a
        // copy of each existing page the writer changes) SQLite keeps in memory only up to 64 KB and otherwise in a
        // temporary file, opened, written and closed per writer (profiled: pwrite 13.5% of the creates' samples,
        // 4.8% after). The copies of one write stay in memory until it ends: a force delete of an environment of
        // 12,000 corpus dashboards raised the peak RSS by 22 MB (docs/operations.md, "Memory").
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource raw = new SQLiteDataSource(sqlite);
        raw.setUrl("jdbc:sqlite:" + file);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setPoolName("dashplane-sqlite");
        // No automatic checkpoint: SQLite would run it inside the commit that crosses 1,000 WAL pages, i.e. under
        // the write lock with every queued writer waiting for it; the checkpointer thread runs them instead.
        hikari.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
        hikari.setMaximumPoolSize(8);
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Migrations.apply(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(file, pool, SQLDialect.SQLITE, file.toString());
    }

    /**
     * Runs {@code work} in a read transaction (one consistent snapshot).
     *
     * @throws StorageFullException when the storage is full (a large read may need temporary space)
     */
    public <T> T read(Function<DSLContext, T> work) {
        if (isPostgres()) {
            return serializable(() -> dsl.transactionResult(cfg -> work.apply(cfg.dsl())));
        }
        try {
            return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } catch (RuntimeException e) {
            throw storageFullOr(e);
        }
    }

    /**
     * Runs {@code work} in a write transaction and returns once it is durable; rolls back what {@code work}
     * wrote when it throws.
     *
     * <p>Group commit: writers queue on a fair lock and run their work one after the other, each inside a
     * savepoint of one shared transaction on one connection. A writer that finishes while others are queued
     * leaves the transaction open for them; the last one of the queue (or the {@value #MAX_BATCH}th) commits,
     * releases the write lock, syncs the WAL (one fsync, see {@link #makeDurable}) and then every writer of the
     * batch returns. Nobody returns before a WAL sync that began after the commit covering its work, so an
     * acknowledged write is as durable as with {@code synchronous=FULL}, but 16 concurrent writers pay one fsync
     * instead of 16, and the next batch runs while the previous one is being synced (one sync may cover several
     * batches). A read may see a committed write before that sync has ended, i.e. before its writer is answered. A writer whose work throws rolls back to its savepoint
     * and leaves the others' work in the batch; when the batch itself fails (commit error, full disk, SQLite
     * rolled the whole transaction back), every writer of the batch gets the error: nothing is acknowledged.
     * Work runs on the calling thread, so thread-local context (the audit actor) is kept. A write called from
     * inside {@code work} joins the caller's transaction.
     *
     * @throws StorageFullException when the disk (or the database) is full; nothing was written
     */
    public <T> T write(Function<DSLContext, T> work) {
        if (isPostgres()) {
            writeLock.lock();
            try {
                T result = serializable(() -> underWriteLock(work));
                commitListeners.forEach(Runnable::run);
                return result;
            } catch (RuntimeException e) {
                throw UniqueViolation.asConflict(e);
            } finally {
                writeLock.unlock();
            }
        }
        long asked = System.nanoTime();
        writeLock.lock();
        if (writeLock.getHoldCount() > 1) {
            try {
                return work.apply(batch.dsl);
            } finally {
                writeLock.unlock();
            }
        }
        Batch mine;
        T result = null;
        Throwable failure = null;
        boolean committer = false;
        try {
            long start = System.nanoTime();
            lockWaitNanos += start - asked;
            if (batch == null) {
                batch = begin();
            }
            mine = batch;
            try {
                result = mine.run(work);
            } catch (Throwable e) {
                failure = e;
                if (!mine.rolledBackTo()) {
                    abort(mine, e);
                }
            }
            long worked = System.nanoTime();
            workNanos += worked - start;
            if (batch == mine && (mine.members >= MAX_BATCH || !writeLock.hasQueuedThreads())) {
                commit(mine);
                committer = true;
                commitNanos += System.nanoTime() - worked;
            }
        } catch (RuntimeException e) {
            throw storageFullOr(e); // the batch could not begin
        } finally {
            writeLock.unlock();
        }
        if (committer) {
            makeDurable(mine); // outside the write lock: the next batch runs meanwhile
        }
        if (failure != null) {
            throw rethrown(failure);
        }
        try {
            mine.durable.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
        return result;
    }

    /**
     * Number of committed write transactions (batches) since the database opened; read caches key on it. On
     * PostgreSQL the other replicas commit too, unseen by this process, so there no value is ever returned twice
     * and a cache keyed on it never hits.
     */
    public long commits() {
        return isPostgres() ? uncacheable.decrementAndGet() : commits.get();
    }

    /**
     * As {@link #commits()}, counting only the committed write transactions that changed a row of any of
     * {@code tables} (lower-case names): a cache of what those tables hold keys on it, and survives the writes to
     * other tables. SQLite reports every row a statement changes, foreign-key cascades included, to the writing
     * connection's update hook; the count goes up after the commit, so a value read before a read transaction
     * never goes with a snapshot older than a change it counts. On PostgreSQL, as {@link #commits()}: never the
     * same value twice.
     */
    public long changesTo(String... tables) {
        if (isPostgres()) {
            return uncacheable.decrementAndGet();
        }
        long sum = 0;
        for (String table : tables) {
            AtomicLong n = tableCommits.get(table);
            sum += n == null ? 0 : n.get();
        }
        return sum;
    }

    private Batch begin() {
        Connection c = null;
        try {
            c = pool.getConnection();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = NORMAL"); // the WAL sync happens after the commit: makeDurable
            }
            c.setAutoCommit(false);
            org.sqlite.SQLiteConnection raw = c.unwrap(org.sqlite.SQLiteConnection.class);
            if (hooked.add(raw)) {
                // runs on the thread executing the statement, i.e. a writer holding the write lock
                raw.addUpdateListener((type, database, table, rowId) -> {
                    Batch running = batch;
                    if (running != null) {
                        running.changedTables.add(table.toLowerCase(java.util.Locale.ROOT));
                    }
                });
            }
            PreparedSql.keep(raw);
            Batch b = new Batch(c, raw, DSL.using(c, SQLDialect.SQLITE, settings));
            if (pageLimitHook) {
                b.dsl.fetch("PRAGMA max_page_count = " + Long.getLong(TEST_MAX_PAGE_COUNT_PROPERTY, SQLITE_MAX_PAGE_COUNT));
            }
            return b;
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                release(c);
            }
            throw e instanceof RuntimeException r ? r : new DataAccessException("cannot begin a write transaction", e);
        }
    }

    private void commit(Batch b) {
        batch = null;
        PreparedSql.closeKept(b.raw);
        try {
            b.connection.commit();
        } catch (SQLException | RuntimeException e) {
            abortConnection(b);
            b.durable.completeExceptionally(storageFullOr(e instanceof RuntimeException r ? r
                    : new DataAccessException("cannot commit the write transaction", e)));
            return;
        }
        b.commitNumber = committedThrough.incrementAndGet();
        for (String table : b.changedTables) {
            tableCommits.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
        }
        release(b.connection);
        commits.incrementAndGet();
        uncheckpointedCommits.incrementAndGet();
        committedWrites.addAndGet(b.members);
        if (fullReported.get() && fullReported.compareAndSet(true, false)) {
            LOG.info("writes to {} succeed again", file);
        }
    }

    /**
     * Acknowledges the committed batch {@code b} once its WAL frames are on disk: waits for a WAL sync that began
     * after its commit, or runs one. The batch committed with {@code synchronous=NORMAL} (SQLite wrote its frames to
     * the WAL without syncing), so the sync happens here, after the write lock was released: while one thread syncs,
     * the next batch already runs, and one sync covers every batch committed before it began. Not called under the
     * write lock.
     */
    private void makeDurable(Batch b) {
        if (b.durable.isDone()) {
            return; // the commit failed: the batch's writers already have the error
        }
        try {
            syncThrough(b.commitNumber);
        } catch (IOException | RuntimeException e) {
            b.durable.completeExceptionally(storageFullOr(new DataAccessException(
                    "cannot make the write transaction durable (WAL sync failed): " + e, e)));
            return;
        }
        b.durable.complete(null);
        commitListeners.forEach(Runnable::run);
    }

    /** Returns once a sync of the WAL that began after commit {@code commitNumber} has completed. */
    private void syncThrough(long commitNumber) throws IOException {
        syncLock.lock();
        try {
            while (syncedThrough < commitNumber) {
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long covered = committedThrough.get(); // every commit up to here wrote its frames before the sync
                syncLock.unlock();
                try {
                    syncWal();
                } finally {
                    syncLock.lock();
                    syncing = false;
                    synced.signalAll();
                }
                syncedThrough = Math.max(syncedThrough, covered);
                walSyncs++;
            }
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * fsync of the WAL file, the sync SQLite itself makes at a commit with {@code synchronous=FULL}. Without a WAL
     * file (SQLite removes it when the last connection closes, after copying it into the database file and syncing
     * that), the database file is synced instead. Through a {@code RandomAccessFile}, not a {@code FileChannel}: a
     * channel is closed under a thread that is interrupted (a sync reconciler being restarted, for one), which would
     * report a batch that is already committed as failed. The interrupt stays set for the caller.
     */
    private void syncWal() throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try (java.io.RandomAccessFile walFile = new java.io.RandomAccessFile(wal.toFile(), "r")) {
            walFile.getFD().sync();
        } catch (java.io.FileNotFoundException gone) {
            try (java.io.RandomAccessFile dbFile = new java.io.RandomAccessFile(file.toFile(), "r")) {
                dbFile.getFD().sync();
            }
        }
    }

    /**
     * Copies the committed WAL frames into the database file every {@value #CHECKPOINT_INTERVAL_MS} ms when there
     * were commits, with a PASSIVE checkpoint on a connection of its own: it runs beside the writers (WAL allows one
     * checkpointer next to one writer) and never waits for a lock. Durability does not depend on it: a commit is
     * durable once its WAL frames are synced ({@code synchronous=FULL}); SQLite syncs the WAL before copying and the
     * database file before it lets a writer start the WAL over.
     */
    private java.util.concurrent.ScheduledExecutorService startCheckpointer() {
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashplane-wal-checkpoint");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_INTERVAL_MS, CHECKPOINT_INTERVAL_MS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return executor;
    }

    private void checkpoint() {
        if (uncheckpointedCommits.getAndSet(0) == 0) {
            return;
        }
        try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
            checkpointFailing.set(false);
        } catch (SQLException | RuntimeException e) {
            uncheckpointedCommits.incrementAndGet(); // try again next time
            if (checkpointFailing.compareAndSet(false, true)) {
                LOG.warn("WAL checkpoint of {} failed, will retry: {}", file, e.getMessage());
            }
        }
    }

    /** Ends the batch with a rollback: every writer in it fails with (the storage form of) {@code cause}. */
    private void abort(Batch b, Throwable cause) {
        batch = null;
        abortConnection(b);
        b.durable.completeExceptionally(cause instanceof RuntimeException r ? storageFullOr(r)
                : new DataAccessException("the write transaction failed", cause));
    }

    /** Rolls back and drops the connection: after a failed commit its state is not worth trusting. */
    private void abortConnection(Batch b) {
        PreparedSql.closeKept(b.raw);
        try {
            b.connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the transaction may already be gone (SQLite rolls back on some errors)
        }
        pool.evictConnection(b.connection);
    }

    private void release(Connection c) {
        try {
            c.setAutoCommit(true);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = FULL"); // the pool's setting for everything else
            }
        } catch (SQLException | RuntimeException e) {
            pool.evictConnection(c); // not fit for reuse with another setting than the pool's
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot return a SQLite connection to the pool: {}", e.toString());
        }
    }

    private RuntimeException rethrown(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return UniqueViolation.asConflict(
                storageFullOr(t instanceof RuntimeException r ? r : new DataAccessException(t.getMessage(), t)));
    }

    /** One open write transaction shared by the writers queued behind each other; guarded by the write lock. */
    private static final class Batch {
        final Connection connection;
        /** The SQLite connection under the pool's proxy: its statements are kept by {@link PreparedSql} meanwhile. */
        final org.sqlite.SQLiteConnection raw;
        final DSLContext dsl;
        final CompletableFuture<Void> durable = new CompletableFuture<>();
        /** Tables with a row changed by the batch (a writer rolled back to its savepoint may leave some too many). */
        final java.util.Set<String> changedTables = new java.util.HashSet<>();
        int members;
        /** The number of this batch's commit among all commits (see {@link #committedThrough}). */
        long commitNumber;
        private Savepoint savepoint;

        Batch(Connection connection, org.sqlite.SQLiteConnection raw, DSLContext dsl) {
            this.connection = connection;
            this.raw = raw;
            this.dsl = dsl;
        }

        <T> T run(Function<DSLContext, T> work) throws SQLException {
            savepoint = connection.setSavepoint();
            T result = work.apply(dsl);
            connection.releaseSavepoint(savepoint);
            members++;
            return result;
        }

        /** Undoes the failed writer's work; false when that is impossible (the transaction is gone). */
        boolean rolledBackTo() {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }
    }

    /** One PostgreSQL write transaction, begun once this connection holds the replicas' shared write lock. */
    private <T> T underWriteLock(Function<DSLContext, T> work) {
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot get a database connection: " + e.getMessage(), e);
        }
        boolean unlocked = false;
        try {
            DSLContext session = DSL.using(connection, dialect, settings);
            if (!replicaWriteLock) {
                unlocked = true;
                return session.transactionResult(cfg -> work.apply(cfg.dsl()));
            }
            // autocommit: the lock is taken before the transaction (and its snapshot) begins
            session.fetch("select pg_advisory_lock(?)", WRITE_LOCK_KEY);
            try {
                return session.transactionResult(cfg -> work.apply(cfg.dsl()));
            } finally {
                session.fetch("select pg_advisory_unlock(?)", WRITE_LOCK_KEY);
                unlocked = true;
            }
        } finally {
            if (!unlocked) {
                // the lock may still be held by this session: close the connection instead of pooling it
                pool.evictConnection(connection);
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // evicted or broken: nothing left to release
            }
        }
    }

    /** Runs {@code transaction} again (from the start) while PostgreSQL reports it lost a serialization race. */
    private static <T> T serializable(java.util.function.Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= SERIALIZATION_ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
                try {
                    // a random pause so that the racers do not meet again at once
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L + 4L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** serialization_failure or deadlock_detected: the transaction may succeed when run again. */
    private static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s
                    && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private RuntimeException storageFullOr(RuntimeException e) {
        if (e instanceof StorageFullException || !StorageFullException.causedBy(e)) {
            return e;
        }
        if (fullReported.compareAndSet(false, true)) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.error("the storage of {} is full ({}): changes are refused with 507 until space is freed; reads go on",
                    file, root.getMessage());
        }
        return new StorageFullException(e);
    }

    /**
     * Registers {@code listener} to run after every committed write transaction once it is durable, on the writing
     * thread (on SQLite outside the write lock; on PostgreSQL still holding it): it must only hand the news on
     * (e.g. submit a task), never block or write.
     */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    /** True when a trivial query succeeds. */
    public boolean isReachable() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Which replica does once-only work: always this server on SQLite. */
    public Leadership leadership() {
        return leadership;
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} (which must not exist) with SQLite's
     * {@code VACUUM INTO}: one read transaction, so concurrent writes are either wholly in it or not at all, and
     * writers are not blocked meanwhile.
     */
    public void snapshotTo(Path target) {
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (java.sql.SQLException e) {
            throw storageFullOr(new org.jooq.exception.DataAccessException("snapshot failed: " + e.getMessage(), e));
        }
    }

    public boolean isPostgres() {
        return dialect == SQLDialect.POSTGRES;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** Where the data is, for log lines: the SQLite file or the PostgreSQL URL (never credentials). */
    public String location() {
        return location;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.shutdown();
            try {
                checkpointer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeLock.lock();
        try {
            if (batch != null) {
                Batch last = batch;
                commit(last);
                makeDurable(last);
            }
            if (commits.get() > 0) {
                LOG.info("{} write transactions were made durable by {} commits and {} WAL syncs", committedWrites.get(),
                        commits.get(), walSyncs);
                LOG.info("write lock held {} ms for the writers' work and {} ms for commits; writers waited {} ms for it",
                        workNanos / 1_000_000, commitNanos / 1_000_000, lockWaitNanos / 1_000_000);
            }
            leadership.close();
            pool.close();
        } finally {
            writeLock.unlock();
        }
    }
}
