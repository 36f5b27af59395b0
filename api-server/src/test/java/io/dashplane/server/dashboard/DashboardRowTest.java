package io.dashplane.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.testdb.TestBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log digests the row a dashboard write stored. The write builds that row from the values it wrote instead
 * of reading it back (one statement less under the write lock); it must be the row the database holds, column for
 * column, as the audit digest sees it (each value as text), on SQLite and PostgreSQL.
 */
class DashboardRowTest {
    private static final String ENV = "default";

    @TempDir
    Path dataDir;

    @AfterEach
    void release() {
        TestBackend.release(dataDir);
    }

    @Test
    void theRowBuiltFromAWriteEqualsTheRowReadBackAfterAnInsertAndAnUpdate() {
        DashboardRepository repository = new DashboardRepository(new ObjectMapper());
        try (Database db = TestBackend.open(dataDir)) {
            StoredDashboard created = new StoredDashboard("row-test", 7001, "Row Test", null, List.of("a", "b"), 1,
                    "", "api", "{\"uid\":\"row-test\",\"title\":\"Row Test\",\"tags\":[\"a\",\"b\"]}",
                    "2026-12-05T22:00:00.000Z", "2026-12-05T22:00:00.000Z");
            db.write(tx -> {
                repository.insert(tx, ENV, created);
                return null;
            });
            assertEquals(columns(db.read(tx -> repository.row(tx, ENV, "row-test")).orElseThrow()),
                    columns(repository.written(ENV, created)));

            StoredDashboard updated = new StoredDashboard("row-test", 7001, "Row Test Ä", null, List.of(), 2,
                    "second", "api", "{\"uid\":\"row-test\",\"title\":\"Row Test Ä\"}", created.createdAt(),
                    "2026-12-05T22:01:00.000Z");
            db.write(tx -> {
                repository.update(tx, ENV, updated);
                return null;
            });
            assertEquals(columns(db.read(tx -> repository.row(tx, ENV, "row-test")).orElseThrow()),
                    columns(repository.written(ENV, updated)));
        }
    }

    /** Column name to value as text, as the audit digest reads a row. */
    private static Map<String, String> columns(StoredRow row) {
        Map<String, String> out = new TreeMap<>();
        for (Field<?> f : row.row().fields()) {
            Object v = row.row().get(f);
            out.put(f.getName(), v == null ? null : v.toString());
        }
        out.put("(env, kind, key)", row.env() + " " + row.kind() + " " + row.key());
        return out;
    }
}
