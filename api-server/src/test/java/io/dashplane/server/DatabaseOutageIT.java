package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.testdb.ThrowawayPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on PostgreSQL while its database goes away and comes back: /readyz says so, and the server serves again
 * by itself. Its own PostgreSQL server (stopped and started again here), not the one the other tests share.
 */
class DatabaseOutageIT {
    private static final String D = "/api/v1/environments/default/dashboards";

    @TempDir
    Path dataDir;

    @Test
    void readyzIsFalseWhileTheDatabaseIsUnreachableAndTheServerReconnectsByItself() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
             RunningServer server = DashplaneServer.start(ServerConfig.ephemeral(dataDir)
                     .withDatabase(pg.createDatabase()))) {
            Api api = new Api(server.baseUri());
            assertEquals(200, api.get("/readyz").status());
            assertEquals(201, api.post(D, "{\"dashboard\":{\"uid\":\"before\",\"title\":\"Before\"}}").status());

            pg.pause();
            assertEquals(503, api.get("/readyz").status());
            assertEquals(503, api.get(D + "/before").status(), "a read during the outage");
            assertEquals(503, api.post(D, "{\"dashboard\":{\"uid\":\"during\",\"title\":\"During\"}}").status(),
                    "a write during the outage");

            pg.resume();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            int status = api.get("/readyz").status();
            while (status != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                status = api.get("/readyz").status();
            }
            assertEquals(200, status, "ready again after PostgreSQL came back");
            assertEquals("Before", api.get(D + "/before").json().get("dashboard").get("title").asText());
            assertEquals(201, api.post(D, "{\"dashboard\":{\"uid\":\"after\",\"title\":\"After\"}}").status());
        }
    }
}
