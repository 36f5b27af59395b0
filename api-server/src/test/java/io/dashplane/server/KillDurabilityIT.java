package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the shaded jar as a child process, writes, kills it with SIGKILL (no shutdown hook runs),
 * starts it again on the same data directory and reads everything back. Runs in the integration-test
 * phase, after the jar is built.
 */
class KillDurabilityIT {

    @TempDir
    Path dataDir;

    @Test
    void nothingAcknowledgedIsLostAcrossKill9() throws Exception {
        Path jar = Path.of("target", "dashplane-server.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar);

        Process first = start(jar);
        try {
            Api api = new Api(ServerProcesses.awaitListening(first));
            assertEquals(201, api.post("/api/v1/environments/default/datasources",
                    "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\"}").status());
            for (int i = 0; i < 20; i++) {
                var r = api.put("/api/v1/environments/default/dashboards/k" + (i % 4),
                        "{\"dashboard\":{\"title\":\"Kill " + i + "\",\"schemaVersion\":39},\"message\":\"w" + i + "\"}");
                assertTrue(r.status() == 200 || r.status() == 201, r.toString());
            }
        } finally {
            first.destroyForcibly(); // SIGKILL on Unix
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = start(jar);
        try {
            Api api = new Api(ServerProcesses.awaitListening(second));
            assertEquals(200, api.get("/api/v1/environments/default/datasources/Prometheus").status());
            for (int k = 0; k < 4; k++) {
                var d = api.get("/api/v1/environments/default/dashboards/k" + k).json();
                assertEquals(5, d.get("meta").get("version").asLong());
                assertEquals("Kill " + (16 + k), d.get("dashboard").get("title").asText());
                assertEquals(5, api.get("/api/v1/environments/default/dashboards/k" + k + "/versions").json().get("total").asLong());
            }
        } finally {
            second.destroy(); // SIGTERM: graceful shutdown path
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "server did not stop on SIGTERM");
        }
    }

    private Process start(Path jar) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "serve", "--port", "0",
                "--data-dir", dataDir.toString()));
        pb.environment().put("DASHPLANE_BOOTSTRAP_TOKEN", io.dashplane.server.config.ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

}
