package io.dashplane.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database of one data directory: a small connection pool, jOOQ, and the transaction
 * discipline every repository call goes through.
 *
 * <p>Writes: SQLite allows one writer at a time. Instead of letting 16 concurrent request threads race
 * for the write lock (and fail with SQLITE_BUSY when a deferred read transaction tries to upgrade),
 * every write transaction takes an in-process fair lock first, so writers queue in the JVM and never
 * contend inside SQLite. busy_timeout still covers other processes (backup tools, a second server
 * started by mistake) and WAL checkpoints. Reads run concurrently (WAL gives each a snapshot).
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "dashplane.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Path file;

    private Database(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.SQLITE, new Settings().withExecuteLogging(false)
                .withRenderSchema(false));
    }

    /** Opens (creating when absent) the database in {@code dataDir} and applies pending migrations. */
    public static Database open(Path dataDir) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
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
        // crash or power cut. "Nothing acknowledged is lost" should hold for those too; the price is
        // one fsync per write transaction, which is acceptable for a configuration store.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource raw = new SQLiteDataSource(sqlite);
        raw.setUrl("jdbc:sqlite:" + file);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setPoolName("dashplane-sqlite");
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
        return new Database(file, pool);
    }

    /** Runs {@code work} in a read transaction (one consistent snapshot). */
    public <T> T read(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    /** Runs {@code work} in a write transaction; commits when it returns, rolls back when it throws. */
    public <T> T write(Function<DSLContext, T> work) {
        writeLock.lock();
        try {
            return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } finally {
            writeLock.unlock();
        }
    }

    /** True when a trivial query succeeds. */
    public boolean isReachable() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            pool.close();
        } finally {
            writeLock.unlock();
        }
    }
}
