package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API a benchmark uses as its baseline: services and repositories without HTTP. */
class InProcessApiTest {
    @TempDir
    Path dataDir;

    @Test
    void insertThroughServiceAndRepositoryThenReadOverHttp() throws Exception {
        try (Services services = Services.open(dataDir, null, io.dashplane.server.testdb.TestBackend.database(dataDir))) {
            JsonNode dashboard = services.mapper().readTree("{\"title\":\"Via service\",\"uid\":\"svc\",\"schemaVersion\":39}");
            assertEquals(1, services.dashboards().create("default", DashboardWrite.of(dashboard), false).version());

            String now = Timestamps.now();
            services.database().write(tx -> {
                long id = services.dashboardRepository().nextId(tx);
                services.dashboardRepository().insert(tx, "default", new StoredDashboard("repo", id, "Via repository",
                        null, List.of("bench"), 1, "", "api", "{\"title\":\"Via repository\",\"uid\":\"repo\"}", now, now));
                return null;
            });
            assertEquals(2, services.dashboards().search("default", new DashboardQuery("via", List.of(), null),
                    PageRequest.first()).total());
        }
        try (RunningServer server = DashplaneServer.start(io.dashplane.server.testdb.TestBackend.ephemeral(dataDir))) {
            Api api = new Api(server.baseUri());
            assertEquals("Via repository", api.get("/api/v1/environments/default/dashboards/repo").json()
                    .get("dashboard").get("title").asText());
            assertEquals(1, api.get("/api/v1/environments/default/dashboards?tag=bench").json().get("total").asLong());
        }
    }
}
