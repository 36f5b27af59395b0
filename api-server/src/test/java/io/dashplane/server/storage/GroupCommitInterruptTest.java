package io.dashplane.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group commit's WAL sync on a thread that was interrupted (SQLite, the embedded default). */
class GroupCommitInterruptTest {
    @Test
    void aWriterWhoseThreadIsInterruptedIsAnsweredAndItsWriteIsKeptWithTheInterruptLeftSet(@TempDir Path dataDir) {
        try (Database db = Database.open(dataDir)) {
            db.write(tx -> tx.execute("CREATE TABLE interrupted_writes (n INTEGER)"));
            Thread.currentThread().interrupt();
            boolean stillInterrupted;
            try {
                db.write(tx -> tx.execute("INSERT INTO interrupted_writes VALUES (1)"));
            } finally {
                stillInterrupted = Thread.interrupted();
            }
            assertTrue(stillInterrupted, "the interrupt is the caller's to handle");
            assertEquals(1, (int) db.read(tx -> tx.fetchCount(DSL.table("interrupted_writes"))));
        }
    }
}
