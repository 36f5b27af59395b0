package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
    @TempDir
    Path dataDir;

    @Test
    void sqliteRunsWithWalFullSyncForeignKeysAndBusyTimeout() {
        try (Database db = io.dashplane.server.testdb.TestBackend.open(dataDir)) {
            assertEquals("wal", db.read(tx -> tx.fetchValue("PRAGMA journal_mode")).toString().toLowerCase());
            assertEquals("2", db.read(tx -> tx.fetchValue("PRAGMA synchronous")).toString(), "2 = FULL");
            assertEquals("1", db.read(tx -> tx.fetchValue("PRAGMA foreign_keys")).toString());
            assertTrue(Long.parseLong(db.read(tx -> tx.fetchValue("PRAGMA busy_timeout")).toString()) >= 5000);
            assertEquals("1", db.read(tx -> tx.fetchValue("SELECT count(*) FROM environments WHERE name = 'default'")).toString());
        }
    }

    @Test
    void generatedSecretKeyIsPersistedOwnerOnlyAndReused() throws Exception {
        byte[] first = SecretKeys.resolve(null, dataDir);
        Path file = dataDir.resolve(SecretKeys.FILE_NAME);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        assertEquals(32, first.length);
        assertTrue(java.util.Arrays.equals(first, SecretKeys.resolve(null, dataDir)));
        byte[] configured = new byte[32];
        configured[0] = 7;
        assertTrue(java.util.Arrays.equals(configured,
                SecretKeys.resolve(java.util.Base64.getEncoder().encodeToString(configured), dataDir)));
    }
}
