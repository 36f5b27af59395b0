package io.dashplane.server.testdb;

import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.PostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend the API tests run on: SQLite in the test's data directory (the default), or, when the system property
 * {@code dashplane.test.backend=postgres} is set (the second surefire execution of api-server), a fresh database per
 * data directory on one {@link ThrowawayPostgres} started for the test JVM. A restart with the same data directory
 * finds the same database again.
 */
public final class TestBackend {
    public static final String PROPERTY = "dashplane.test.backend";
    private static final Map<Path, PostgresSettings> DATABASES = new ConcurrentHashMap<>();
    private static ThrowawayPostgres server;

    private TestBackend() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    /** {@link ServerConfig#ephemeral} on the backend of this test run. */
    public static ServerConfig ephemeral(Path dataDir) {
        return ServerConfig.ephemeral(dataDir).withDatabase(database(dataDir));
    }

    /** Opens the database of {@code dataDir} directly (as the server would), on the backend of this test run. */
    public static Database open(Path dataDir) {
        return Database.open(dataDir, database(dataDir));
    }

    /** The PostgreSQL database of {@code dataDir} (created at the first call), or null on SQLite. */
    public static PostgresSettings database(Path dataDir) {
        if (!postgres()) {
            return null;
        }
        return DATABASES.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> shared().createDatabase());
    }

    /** Frees the database of {@code dataDir} at the end of a test (PostgreSQL only). */
    public static void release(Path dataDir) {
        PostgresSettings settings = DATABASES.remove(dataDir.toAbsolutePath().normalize());
        if (settings != null) {
            shared().dropDatabase(settings);
        }
    }

    /** The PostgreSQL server of this JVM, started at the first call and stopped when the JVM exits. */
    public static synchronized ThrowawayPostgres shared() {
        if (server == null) {
            server = ThrowawayPostgres.start();
        }
        return server;
    }
}
