package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.testdb.TestBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database statements themselves refuse a lost update or a duplicate create, whatever the service checked
 * before: what keeps replicas that do not share a JVM lock correct. Each test interleaves two writers the way two
 * replicas can (one reads, the other writes, then the first writes what it computed from its stale read), below
 * the service's own version check, on the real database of the run (SQLite, or PostgreSQL on the postgres run).
 */
class CompareAndSetInTheStatementTest {
    private static final String ENV = "default";

    @TempDir
    Path dataDir;

    @Test
    void anUpdateBasedOnAVersionAnotherWriterReplacedIsAVersionConflictAndChangesNothing() throws Exception {
        try (Services services = Services.open(dataDir, null, TestBackend.database(dataDir))) {
            services.dashboards().create(ENV, DashboardWrite.of(services.mapper().readTree(
                    "{\"uid\":\"cas\",\"title\":\"first\",\"schemaVersion\":39}")), false);
            // replica A reads version 1 ...
            StoredDashboard seenByA = services.database().read(tx ->
                    services.dashboardRepository().find(tx, ENV, "cas").orElseThrow());
            // ... replica B writes version 2 meanwhile ...
            services.dashboards().put(ENV, "cas", DashboardWrite.of(services.mapper().readTree(
                    "{\"uid\":\"cas\",\"title\":\"by B\",\"schemaVersion\":39}")), false);
            // ... and A writes version 2 computed from its read of version 1
            StoredDashboard byA = new StoredDashboard("cas", seenByA.id(), "by A", null, List.of(),
                    seenByA.version() + 1, "by A", "api", "{\"uid\":\"cas\",\"title\":\"by A\",\"schemaVersion\":39}",
                    seenByA.createdAt(), Timestamps.now());

            DomainException refused = assertThrows(DomainException.class, () -> services.database().write(tx -> {
                services.dashboardRepository().update(tx, ENV, byA);
                return null;
            }));

            assertEquals(DomainException.Kind.VERSION_CONFLICT, refused.kind());
            assertEquals(2L, refused.extensions().get("currentVersion"));
            StoredDashboard stored = services.database().read(tx ->
                    services.dashboardRepository().find(tx, ENV, "cas").orElseThrow());
            assertEquals("by B", stored.title());
            assertEquals(2, stored.version());
            assertEquals(2L, (long) services.database().read(tx -> services.dashboardRepository().countVersions(tx, ENV, "cas")));
        }
    }

    @Test
    void aDeleteDecidedOnAVersionAnotherWriterReplacedIsAVersionConflictAndDeletesNothing() throws Exception {
        try (Services services = Services.open(dataDir, null, TestBackend.database(dataDir))) {
            services.dashboards().create(ENV, DashboardWrite.of(services.mapper().readTree(
                    "{\"uid\":\"keep\",\"title\":\"first\",\"schemaVersion\":39}")), false);
            long seenByA = services.database().read(tx ->
                    services.dashboardRepository().currentVersion(tx, ENV, "keep").orElseThrow());
            services.dashboards().put(ENV, "keep", DashboardWrite.of(services.mapper().readTree(
                    "{\"uid\":\"keep\",\"title\":\"by B\",\"schemaVersion\":39}")), false);

            DomainException refused = assertThrows(DomainException.class, () -> services.database().write(tx -> {
                services.dashboardRepository().delete(tx, ENV, "keep", seenByA);
                return null;
            }));

            assertEquals(DomainException.Kind.VERSION_CONFLICT, refused.kind());
            assertEquals("by B", services.database().read(tx ->
                    services.dashboardRepository().find(tx, ENV, "keep").orElseThrow()).title());
        }
    }

    @Test
    void anUpdateOfAnObjectAnotherWriterDeletedIsNotFound() throws Exception {
        try (Services services = Services.open(dataDir, null, TestBackend.database(dataDir))) {
            services.dashboards().create(ENV, DashboardWrite.of(services.mapper().readTree(
                    "{\"uid\":\"gone\",\"title\":\"first\",\"schemaVersion\":39}")), false);
            StoredDashboard seen = services.database().read(tx ->
                    services.dashboardRepository().find(tx, ENV, "gone").orElseThrow());
            services.dashboards().delete(ENV, "gone", io.dashplane.server.storage.ExpectedVersion.NONE);
            StoredDashboard next = new StoredDashboard("gone", seen.id(), "again", null, List.of(), seen.version() + 1,
                    "", "api", "{\"uid\":\"gone\",\"title\":\"again\",\"schemaVersion\":39}", seen.createdAt(),
                    Timestamps.now());

            DomainException refused = assertThrows(DomainException.class, () -> services.database().write(tx -> {
                services.dashboardRepository().update(tx, ENV, next);
                return null;
            }));

            assertEquals(DomainException.Kind.NOT_FOUND, refused.kind());
        }
    }

    @Test
    void aCreateOfAnObjectAnotherWriterCreatedIsAConflictNotAnInternalError() throws Exception {
        try (Services services = Services.open(dataDir, null, TestBackend.database(dataDir))) {
            services.dashboards().create(ENV, DashboardWrite.of(services.mapper().readTree(
                    "{\"uid\":\"twice\",\"title\":\"by B\",\"schemaVersion\":39}")), false);
            // A decided "does not exist" before B's create committed, and inserts
            String now = Timestamps.now();

            DomainException refused = assertThrows(DomainException.class, () -> services.database().write(tx -> {
                long id = services.dashboardRepository().nextId(tx);
                services.dashboardRepository().insert(tx, ENV, new StoredDashboard("twice", id, "by A", null,
                        List.of(), 1, "", "api", "{\"uid\":\"twice\",\"title\":\"by A\"}", now, now));
                return null;
            }));

            assertEquals(DomainException.Kind.CONFLICT, refused.kind());
            assertEquals("by B", services.database().read(tx ->
                    services.dashboardRepository().find(tx, ENV, "twice").orElseThrow()).title());
        }
    }
}
