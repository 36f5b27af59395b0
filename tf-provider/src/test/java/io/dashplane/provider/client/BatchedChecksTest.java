package io.dashplane.provider.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.harness.ConfigServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan-time checks against a real server: concurrent callers each get the answer to their own check. */
class BatchedChecksTest {
    @TempDir
    Path dataDir;

    private static DashboardCheck check(DashplaneClient client, int i, String title, String datasource) throws Exception {
        ObjectNode dashboard = (ObjectNode) client.mapper().readTree("{\"schemaVersion\":39,\"panels\":[{\"id\":1,"
                + "\"type\":\"timeseries\",\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"uid\":\"" + datasource + "\"}}]}");
        dashboard.put("uid", "d-" + i).put("title", title);
        return new DashboardCheck("d" + i, null, new DashboardWrite(dashboard, null, null, null), List.of());
    }

    @Test
    void concurrentCallersEachGetTheAnswerToTheirOwnCheck() throws Exception {
        try (ConfigServer server = ConfigServer.start(dataDir)) {
            DashplaneClient client = new DashplaneClient(new ClientConfig(URI.create(server.url()), server.token(),
                    null, null, 0, Duration.ofSeconds(30)));
            server.write("POST", "datasources", "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}");
            BatchedChecks checks = new BatchedChecks(client);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<CheckAnswer>> answers = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    DashboardCheck check = check(client, i, i % 3 == 0 ? " " : "Dashboard " + i, "prom");
                    answers.add(pool.submit(() -> checks.check("default", check)));
                }
                for (int i = 0; i < 300; i++) {
                    CheckAnswer answer = answers.get(i).get();
                    if (i % 3 == 0) {
                        assertFalse(answer.valid(), "check " + i);
                        assertEquals(422, answer.failure().status());
                        assertEquals("/dashboard/title", answer.failure().errors().get(0).pointer());
                        assertTrue(answer.failure().getMessage().startsWith("POST " + server.url()
                                + "/api/v1/environments/default/dashboards failed (HTTP 422)"), answer.failure().getMessage());
                    } else {
                        assertTrue(answer.valid(), "check " + i + ": " + answer.body());
                        assertEquals("d-" + i, answer.body().get("uid").asText());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(0, server.get("/api/v1/environments/default/dashboards").body().get("total").asInt());
        }
    }

    @Test
    void aDatasourcePlannedEarlierInTheRunCountsAsExisting() throws Exception {
        try (ConfigServer server = ConfigServer.start(dataDir)) {
            DashplaneClient client = new DashplaneClient(new ClientConfig(URI.create(server.url()), server.token(),
                    null, null, 0, Duration.ofSeconds(30)));
            BatchedChecks checks = new BatchedChecks(client);
            DashboardCheck check = check(client, 1, "One", "later");

            CheckAnswer before = checks.check("default", check);
            checks.planned().datasource("staging", "later", null);
            CheckAnswer otherEnvironment = checks.check("default", check);
            checks.planned().datasource("default", "later", null);
            CheckAnswer after = checks.check("default", check);

            assertEquals("/dashboard/panels/0/datasource/uid", before.failure().errors().get(0).pointer());
            assertFalse(otherEnvironment.valid(), "planned in another environment");
            assertNull(after.failure(), String.valueOf(after.body()));
        }
    }
}
