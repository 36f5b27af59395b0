package io.dashplane.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PreparedSql} on SQLite, the embedded default: statements kept for a write batch do not outlive it. */
class PreparedSqlTest {
    @Test
    void aBackupRightAfterWritesAndReadsThroughKeptStatementsSucceedsAndHoldsThem(@TempDir Path dataDir,
                                                                               @TempDir Path backups) throws java.io.IOException {
        try (Database db = Database.open(dataDir)) {
            long first = db.write(tx -> IdSequence.next(tx, "dashboard"));
            long second = db.write(tx -> {
                IdSequence.next(tx, "dashboard");
                return IdSequence.next(tx, "dashboard"); // the same statement again, reused in the batch
            });
            assertEquals(first + 2, second);
            assertEquals(Boolean.TRUE, db.read(tx -> PreparedSql.first(tx,
                    "select 1 from id_sequences where name = ?", st -> st.setString(1, "dashboard"), r -> true)));

            // VACUUM INTO refuses to run on a connection with a statement still active
            Path backup = backups.resolve(Database.FILE_NAME);
            db.snapshotTo(backup);
            assertTrue(Files.size(backup) > 0);
            try (Database copy = Database.open(backup.getParent())) {
                assertEquals(second + 1, (long) copy.write(tx -> IdSequence.next(tx, "dashboard")));
            }
        }
    }
}
