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
        Set<String> acknowledged = createUntilKilled(400, 0, () -> true);
        assertAllThere(acknowledged);
    }

    /**
     * The same with 40 KB dashboards, killed only once the database file has grown by several MB: the commits
     * acknowledged before the kill were synced by the group commit outside the write lock while the background
     * checkpointer copied the WAL into the database file (and the WAL started over) beside them.
     */
    @Test
    void everyAcknowledgedCreateSurvivesKill9WhileTheWalIsCheckpointedBesideTheWriters() throws Exception {
        Path db = dataDir.resolve("dashplane.db");
        long[] atStart = new long[1];
        Set<String> acknowledged = createUntilKilled(300, 400, () -> {
            try {
                if (atStart[0] == 0) {
                    atStart[0] = Files.size(db);
                }
                return Files.size(db) > atStart[0] + 8L * 1024 * 1024;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertAllThere(acknowledged);
    }

    /**
     * 16 writers create dashboards (with {@code panels} extra panels each) until {@code acknowledgedBeforeKill}
     * creates were answered and {@code killNow} says so; then the server gets SIGKILL while they are still sending.
     * Returns the uids answered 201.
     */
    private Set<String> createUntilKilled(int acknowledgedBeforeKill, int panels,
                                          java.util.function.BooleanSupplier killNow) throws Exception {
        Path jar = Path.of("target", "dashplane-server.jar").toAbsolutePath();
        int writers = 16;
        String panelList = panels == 0 ? "" : java.util.stream.IntStream.range(0, panels)
                .mapToObj(p -> "{\"id\":" + (p + 1) + ",\"type\":\"text\",\"title\":\"Notes " + p
                        + "\",\"gridPos\":{\"x\":0,\"y\":" + (2 * p) + ",\"w\":24,\"h\":2}}")
                .collect(java.util.stream.Collectors.joining(",", ",\"panels\":[", "]"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger cutOff = new AtomicInteger();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(acknowledgedBeforeKill);
        Process first = start(jar);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            Api api = new Api(ServerProcesses.awaitListening(first));
            killNow.getAsBoolean(); // the condition takes its starting point before the first write
            for (int w = 0; w < writers; w++) {
                String writer = "w" + w;
                pool.submit(() -> {
                    for (int i = 0; ; i++) {
                        String uid = writer + "-" + i;
                        Api.Reply r;
                        try {
                            r = api.post("/api/v1/environments/default/dashboards", "{\"dashboard\":{\"uid\":\"" + uid
                                    + "\",\"title\":\"Batch " + uid + "\",\"schemaVersion\":39" + panelList + "}}");
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!killNow.getAsBoolean() && unexpected.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(killNow.getAsBoolean(), "the condition to kill the server was not met; answers other than 201: "
                    + unexpected);
        } finally {
            first.destroyForcibly(); // SIGKILL while the writers are sending
            first.waitFor(30, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "writers did not stop");
        }
        assertEquals(List.of(), unexpected, "answers other than 201 Created");
        assertEquals(writers, cutOff.get(), "every writer was still writing when the server was killed");
        return acknowledged;
    }

    private void assertAllThere(Set<String> acknowledged) throws Exception {
        Process second = start(Path.of("target", "dashplane-server.jar").toAbsolutePath());
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
