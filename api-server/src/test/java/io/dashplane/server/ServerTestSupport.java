package io.dashplane.server;

import io.dashplane.server.testdb.TestBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real server on an ephemeral port with a fresh data directory (and, on the PostgreSQL run, a fresh
 * database: see {@link TestBackend}) for each test.
 */
abstract class ServerTestSupport {
    @TempDir
    Path dataDir;
    RunningServer server;
    Api api;

    @BeforeEach
    void startServer() {
        server = DashplaneServer.start(TestBackend.ephemeral(dataDir));
        api = new Api(server.baseUri());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        TestBackend.release(dataDir);
    }

    void restart() {
        server.close();
        server = DashplaneServer.start(TestBackend.ephemeral(dataDir));
        api = new Api(server.baseUri());
    }

    static final String ENV = "/api/v1/environments/default";

    /** The shared corpus: ../shared/corpus/dashboards relative to the repository root. */
    static Path corpusDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("../shared/corpus/dashboards").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path inside = dir.resolve("shared/corpus/dashboards");
            if (Files.isDirectory(inside)) {
                return inside;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("corpus directory ../shared/corpus/dashboards not found");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
