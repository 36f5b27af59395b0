package io.dashplane.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#changesTo}: what a cache of some tables keys on (SQLite, the embedded default). */
class TableChangesTest {
    @Test
    void theCountMovesWithCommittedChangesToTheTablesAskedForTheirCascadesIncludedAndOnlyWithThem(
            @TempDir Path dataDir) {
        try (Database db = Database.open(dataDir)) {
            db.write(tx -> tx.execute("CREATE TABLE owners (id INTEGER PRIMARY KEY)"));
            db.write(tx -> tx.execute("CREATE TABLE owned (id INTEGER PRIMARY KEY,"
                    + " owner INTEGER NOT NULL REFERENCES owners (id) ON DELETE CASCADE)"));
            db.write(tx -> tx.execute("CREATE TABLE others (id INTEGER PRIMARY KEY)"));
            db.write(tx -> tx.execute("INSERT INTO owners VALUES (1)"));
            db.write(tx -> tx.execute("INSERT INTO owned VALUES (1, 1)"));

            long owned = db.changesTo("owned");
            db.write(tx -> tx.execute("INSERT INTO others VALUES (1)"));
            db.write(tx -> tx.execute("UPDATE owners SET id = 1 WHERE id = 2")); // changes no row
            assertEquals(owned, db.changesTo("owned"), "writes that change no row of 'owned'");

            db.write(tx -> tx.execute("DELETE FROM owners WHERE id = 1")); // cascades to owned
            long afterCascade = db.changesTo("owned");
            assertNotEquals(owned, afterCascade, "a row of 'owned' removed by ON DELETE CASCADE");

            long others = db.changesTo("others");
            db.write(tx -> tx.execute("INSERT INTO others VALUES (2)"));
            assertEquals(afterCascade, db.changesTo("owned"));
            assertNotEquals(others, db.changesTo("others"));
        }
    }
}
