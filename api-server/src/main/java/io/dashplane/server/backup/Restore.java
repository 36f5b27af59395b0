package io.dashplane.server.backup;

import io.dashplane.server.storage.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Puts a backup file in place as the database of a data directory. The caller holds the directory's lock
 * (no server runs on it). The file must be a Dashplane database (SQLite with Dashplane's migration history);
 * an older schema is upgraded when the server next starts.
 */
public final class Restore {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private Restore() {
    }

    /** Why a backup cannot be restored. */
    public static final class RefusedException extends IllegalStateException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Copies {@code backup} to {@code dataDir/dashplane.db}, replacing a database there only when
     * {@code replace}; the old database's WAL files go with it.
     */
    public static void restore(Path backup, Path dataDir, boolean replace) throws IOException {
        check(backup);
        Path target = dataDir.resolve(Database.FILE_NAME);
        if (Files.exists(target) && !replace) {
            throw new RefusedException(target + " exists; pass --force to replace it");
        }
        Path staged = dataDir.resolve(Database.FILE_NAME + ".restoring");
        Files.copy(backup, staged, StandardCopyOption.REPLACE_EXISTING);
        // a -wal file of the replaced database would be replayed into the restored one: remove both first
        Files.deleteIfExists(dataDir.resolve(Database.FILE_NAME + "-wal"));
        Files.deleteIfExists(dataDir.resolve(Database.FILE_NAME + "-shm"));
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Throws unless {@code file} is an SQLite database holding Dashplane's schema history. */
    public static void check(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RefusedException("no such file " + file);
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) != header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new RefusedException(file + " is not a Dashplane backup (not an SQLite database)");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('flyway_schema_history', 'environments')")) {
            if (!r.next() || r.getInt(1) != 2) {
                throw new RefusedException(file + " is an SQLite database but not a Dashplane backup");
            }
        } catch (SQLException e) {
            throw new RefusedException(file + " cannot be read as a Dashplane backup: " + e.getMessage());
        }
    }
}
