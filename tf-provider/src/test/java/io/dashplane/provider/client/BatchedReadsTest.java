package io.dashplane.provider.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.harness.ConfigServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh's dashboard reads against a real server, counting its requests in its /metrics. */
class BatchedReadsTest {
    private static final int DASHBOARDS = 100;

    @TempDir
    Path dataDir;

    @Test
    void concurrentReadsAreAnsweredFromSharedBulkReadsEachWithItsOwnDashboardAndNoGetByUid() throws Exception {
        try (ConfigServer server = ConfigServer.start(dataDir)) {
            DashplaneClient client = new DashplaneClient(new ClientConfig(URI.create(server.url()), server.token(),
                    null, null, 0, Duration.ofSeconds(30)));
            for (int i = 0; i < DASHBOARDS; i++) {
                server.write("POST", "dashboards", Map.of("dashboard", Map.of("uid", "r-" + i, "title", "Dashboard " + i)));
            }
            server.write("PUT", "dashboards/r-7", Map.of("dashboard", Map.of("uid", "r-7", "title", "Changed")));
            server.write("DELETE", "dashboards/r-9", null);
            BatchedReads reads = new BatchedReads(client);
            ExecutorService pool = Executors.newFixedThreadPool(10); // Terraform's default -parallelism
            List<Future<Optional<Dashboard>>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < DASHBOARDS; i++) {
                    String uid = "r-" + i;
                    answers.add(pool.submit(() -> reads.get("default", uid)));
                }
                for (int i = 0; i < DASHBOARDS; i++) {
                    Optional<Dashboard> answer = answers.get(i).get();
                    if (i == 9) {
                        assertTrue(answer.isEmpty(), "a deleted dashboard reads as absent");
                        continue;
                    }
                    assertEquals("r-" + i, answer.orElseThrow().uid());
                    assertEquals(i == 7 ? "Changed" : "Dashboard " + i, answer.get().dashboard().get("title").asText());
                    assertEquals(i == 7 ? 2 : 1, answer.get().version());
                }
            } finally {
                pool.shutdownNow();
            }

            long bulk = server.requests("POST", "/api/v1/environments/{env}/dashboards/_read");
            assertEquals(0, server.requests("GET", "/api/v1/environments/{env}/dashboards/{uid}"));
            assertTrue(bulk >= 1 && bulk < DASHBOARDS, DASHBOARDS + " reads took " + bulk + " bulk reads");
        }
    }

    @Test
    void readsInAnUnknownEnvironmentAnswerAbsentAsASingleGetDoes() throws Exception {
        try (ConfigServer server = ConfigServer.start(dataDir)) {
            DashplaneClient client = new DashplaneClient(new ClientConfig(URI.create(server.url()), server.token(),
                    null, null, 0, Duration.ofSeconds(30)));
            assertEquals(client.getDashboard("nowhere", "x"), new BatchedReads(client).get("nowhere", "x"));
            assertTrue(new BatchedReads(client).get("nowhere", "x").isEmpty());
        }
    }
}
