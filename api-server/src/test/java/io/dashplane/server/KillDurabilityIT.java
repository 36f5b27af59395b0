package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * Group commit: 16 writers create dashboards as fast as the server takes them, so their transactions share
     * commits; the server is killed with SIGKILL while they are still writing. Every create answered 201 must be
     * there after the restart (a batch acknowledged before its fsync, or a writer answered for another's commit,
     * would lose some).
     */
    @Test
    void everyAcknowledgedCreateOfConcurrentWritersSurvivesKill9MidLoad() throws Exception {
        Path jar = Path.of("target", "dashplane-server.jar").toAbsolutePath();
        int writers = 16;
        int acknowledgedBeforeKill = 400;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger cutOff = new AtomicInteger();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(acknowledgedBeforeKill);
        Process first = start(jar);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            Api api = new Api(ServerProcesses.awaitListening(first));
            for (int w = 0; w < writers; w++) {
                String writer = "w" + w;
                pool.submit(() -> {
                    for (int i = 0; ; i++) {
                        String uid = writer + "-" + i;
                        Api.Reply r;
                        try {
                            r = api.post("/api/v1/environments/default/dashboards", "{\"dashboard\":{\"uid\":\"" + uid
                                    + "\",\"title\":\"Batch " + uid + "\",\"schemaVersion\":39}}");
                        } catch (RuntimeException connectionLost) {
                            cutOff.incrementAndGet();
                            return;
                        }
                        if (r.status() != 201) {
                            unexpected.add(uid + ": " + r);
                            return;
                        }
                        acknowledged.add(uid);
                        enough.countDown();
                    }
                });
            }
            assertTrue(enough.await(300, TimeUnit.SECONDS), "the writers got only " + acknowledged.size()
                    + " answers; other answers: " + unexpected);
        } finally {
            first.destroyForcibly(); // SIGKILL while the writers are sending
            first.waitFor(30, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "writers did not stop");
        }
        assertEquals(List.of(), unexpected, "answers other than 201 Created");
        assertEquals(writers, cutOff.get(), "every writer was still writing when the server was killed");

        Process second = start(jar);
        try {
            Api api = new Api(ServerProcesses.awaitListening(second));
            for (String uid : acknowledged) {
                var d = api.get("/api/v1/environments/default/dashboards/" + uid);
                assertEquals(200, d.status(), "acknowledged create of " + uid + " lost: " + d);
                assertEquals("Batch " + uid, d.json().get("dashboard").get("title").asText());
            }
            long stored = api.get("/api/v1/environments/default/dashboards?perPage=1").json().get("total").asLong();
            assertTrue(stored >= acknowledged.size(), stored + " stored, " + acknowledged.size() + " acknowledged");
        } finally {
            second.destroy();
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
