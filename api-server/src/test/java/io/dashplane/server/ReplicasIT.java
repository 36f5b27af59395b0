package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.PostgresSettings;
import io.dashplane.server.testdb.TestBackend;
import io.dashplane.server.testdb.ThrowawayPostgres;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas (the shaded jar, as child processes) on one throw-away PostgreSQL, started together (Flyway's lock
 * lets one of them migrate), sharing one secret key and one provisioning directory (as a shared volume would be).
 * Runs in the integration-test phase, after the jar is built.
 */
class ReplicasIT {
    private static final String D = "/api/v1/environments/default/dashboards";

    @TempDir
    Path work;
    private final List<Process> replicas = new ArrayList<>();
    private final List<URI> uris = new ArrayList<>();
    private PostgresSettings database;
    private Path provisioning;
    private Path providerFiles;

    @BeforeEach
    void startThreeReplicas() throws Exception {
        database = TestBackend.shared().createEmptyDatabase();
        provisioning = Files.createDirectories(work.resolve("provisioning/dashboards")).getParent();
        providerFiles = Files.createDirectories(provisioning.resolve("provider-files"));
        Files.writeString(provisioning.resolve("dashboards/files.yaml"), """
                apiVersion: 1
                environment: provisioned
                providers:
                  - name: files
                    type: file
                    updateIntervalSeconds: 1
                    options:
                      path: %s
                """.formatted(providerFiles));
        Files.writeString(providerFiles.resolve("first.json"), dashboardFile("first", "First"));
        String key = SecretKeys.generate();
        for (int i = 0; i < 3; i++) {
            replicas.add(start(work.resolve("replica-" + i), key));
        }
        for (Process p : replicas) {
            uris.add(ServerProcesses.awaitListening(p));
            drain(p.getInputStream());
        }
    }

    @AfterEach
    void stopReplicas() throws Exception {
        for (Process p : replicas) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        TestBackend.shared().dropDatabase(database);
    }

    @Test
    void eightWritersSpreadOverThreeReplicasWithIfMatchNeverOverwriteSilently() throws Exception {
        assertEquals(201, new Api(uris.get(0)).post(D, "{\"dashboard\":{\"uid\":\"shared\",\"title\":\"start\","
                + "\"schemaVersion\":39},\"message\":\"start\"}").status());
        int writers = 8;
        int writesEach = 6;
        // version -> the write acknowledged with it; two acknowledgements of one version would be a lost update
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(CompletableFuture.runAsync(() -> {
                Api api = new Api(uris.get(writer % 3));
                for (int done = 0; done < writesEach; ) {
                    long seen = api.get(D + "/shared").json().get("meta").get("version").asLong();
                    String name = "w" + writer + "-" + done;
                    Api.Reply r = api.put(D + "/shared", "{\"dashboard\":{\"uid\":\"shared\",\"title\":\"" + name
                            + "\",\"schemaVersion\":39},\"message\":\"" + name + "\"}", "\"" + seen + "\"");
                    if (r.status() == 200) {
                        long version = r.json().get("version").asLong();
                        if (version != seen + 1 || acknowledged.putIfAbsent(version, name) != null) {
                            duplicates.incrementAndGet();
                        }
                        done++;
                    } else if (r.status() == 409) {
                        conflicts.incrementAndGet();
                    } else {
                        unexpected.add(r.toString());
                        return;
                    }
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);

        assertEquals(List.of(), unexpected);
        assertEquals(0, duplicates.get(), "two writes were acknowledged with the same version");
        assertEquals(writers * writesEach, acknowledged.size());
        // every acknowledged write is in the history, at the version it was acknowledged with, seen by every replica
        for (URI uri : uris) {
            var versions = new Api(uri).get(D + "/shared/versions").json();
            assertEquals(1 + writers * writesEach, versions.get("total").asLong());
        }
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            var v = new Api(uris.get((int) (e.getKey() % 3))).get(D + "/shared/versions/" + e.getKey()).json();
            assertEquals(e.getValue(), v.get("dashboard").get("title").asText(), "version " + e.getKey());
        }
        assertTrue(conflicts.get() > 0, "the writers never raced (the test proves nothing then)");
    }

    @Test
    void killingOneReplicaUnderLoadLosesNoAcknowledgedWriteAndTheOthersKeepServing() throws Exception {
        int writers = 8;
        Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();
        List<String> failuresOnSurvivors = new CopyOnWriteArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger afterKill = new AtomicInteger();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(CompletableFuture.runAsync(() -> {
                int replica = writer % 3;
                for (int i = 0; afterKill.get() < 40 || i < 10; i++) {
                    String uid = "k" + writer;
                    String title = "w" + writer + " #" + i;
                    try {
                        Api.Reply r = new Api(uris.get(replica)).put(D + "/" + uid, "{\"dashboard\":{\"uid\":\"" + uid
                                + "\",\"title\":\"" + title + "\",\"schemaVersion\":39}}");
                        if (r.status() == 200 || r.status() == 201) {
                            lastAcknowledged.put(uid, title);
                            if (killed.get()) {
                                afterKill.incrementAndGet();
                            }
                        } else if (replica != 0) {
                            failuresOnSurvivors.add(r.toString());
                            return;
                        }
                    } catch (UncheckedIOException e) {
                        if (replica != 0) {
                            failuresOnSurvivors.add(e.toString());
                            return;
                        }
                        replica = 1 + writer % 2; // the killed replica's writers move to the survivors
                    }
                    if (i == 10 && writer == 0 && killed.compareAndSet(false, true)) {
                        replicas.get(0).destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
                    }
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);

        assertTrue(killed.get());
        assertTrue(replicas.get(0).waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), failuresOnSurvivors);
        assertEquals(writers, lastAcknowledged.size());
        for (URI survivor : uris.subList(1, 3)) {
            for (Map.Entry<String, String> e : lastAcknowledged.entrySet()) {
                assertEquals(e.getValue(), new Api(survivor).get(D + "/" + e.getKey()).json().get("dashboard")
                        .get("title").asText(), e.getKey());
            }
        }
    }

    @Test
    void aTokenRevokedThroughOneReplicaIsRefusedByTheOthersOnTheNextRequest() {
        Api admin = new Api(uris.get(0));
        Accounts.Account ci = Accounts.create(admin, "ci", Map.of("default", "Viewer"));
        String secret = ci.token();
        String tokenId = admin.get("/api/v1/service-accounts/" + ci.id() + "/tokens").json().get("items").get(0)
                .get("id").asText();
        for (URI uri : uris) {
            assertEquals(200, new Api(uri, secret).get(D).status());
        }
        assertEquals(204, new Api(uris.get(1)).delete("/api/v1/service-accounts/" + ci.id() + "/tokens/" + tokenId)
                .status());
        for (URI uri : Set.of(uris.get(0), uris.get(2))) {
            assertEquals(401, new Api(uri, secret).get(D).status());
        }
    }

    @Test
    void aReplicaWithAnotherSecretKeyRefusesToStartWithAClearMessage() throws Exception {
        Path err = work.resolve("wrong-key.err");
        ProcessBuilder pb = command(work.resolve("replica-wrong-key"), SecretKeys.generate());
        pb.redirectError(err.toFile());
        Process wrong = pb.start();
        drain(wrong.getInputStream());
        assertTrue(wrong.waitFor(120, TimeUnit.SECONDS), "the replica with another key did not exit");
        assertEquals(1, wrong.exitValue());
        String message = Files.readString(err);
        assertTrue(message.contains("cannot decrypt") && message.contains("secret key check")
                && message.contains("DASHPLANE_SECRET_KEY"), message);
    }

    @Test
    void whenTheProvisioningLeaderIsKilledAnotherReplicaTakesOverTheRescans() throws Exception {
        String leads = "this replica leads now";
        int found = -1;
        for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); found < 0; Thread.sleep(200)) {
            assertTrue(System.nanoTime() < deadline, "no replica became the provisioning leader");
            for (int i = 0; i < 3; i++) {
                if (log(i).contains(leads)) {
                    found = i;
                }
            }
        }
        int leader = found;
        for (int i = 0; i < 3; i++) {
            assertEquals(i == leader, log(i).contains(leads), "replica " + i + " of leader " + leader);
        }
        String P = "/api/v1/environments/provisioned/dashboards";
        assertEquals(200, new Api(uris.get(leader)).get(P + "/first").status());

        replicas.get(leader).destroyForcibly(); // SIGKILL: no shutdown hook, the lock goes with the connection
        assertTrue(replicas.get(leader).waitFor(30, TimeUnit.SECONDS));
        Files.writeString(providerFiles.resolve("after-kill.json"), dashboardFile("after-kill", "After the kill"));

        int survivor = (leader + 1) % 3;
        Api.Reply loaded = null;
        for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); ; Thread.sleep(250)) {
            loaded = new Api(uris.get(survivor)).get(P + "/after-kill");
            if (loaded.status() == 200 || System.nanoTime() > deadline) {
                break;
            }
        }
        assertEquals(200, loaded.status(), "the file written after the leader died was never rescanned");
        assertEquals("After the kill", loaded.json().get("dashboard").get("title").asText());
        long newLeaders = java.util.stream.IntStream.range(0, 3).filter(i -> i != leader)
                .filter(i -> log(i).contains(leads)).count();
        assertEquals(1, newLeaders, "exactly one survivor took the leadership over");
    }

    private String log(int replica) {
        try {
            return Files.readString(work.resolve("replica-" + replica + ".log"));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dashboardFile(String uid, String title) {
        return "{\"uid\":\"" + uid + "\",\"title\":\"" + title + "\",\"schemaVersion\":39,\"panels\":[]}";
    }

    private Process start(Path dataDir, String key) throws Exception {
        ProcessBuilder pb = command(dataDir, key);
        pb.redirectError(work.resolve(dataDir.getFileName() + ".log").toFile());
        return pb.start();
    }

    private ProcessBuilder command(Path dataDir, String key) throws Exception {
        Files.createDirectories(dataDir);
        Path jar = Path.of("target", "dashplane-server.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(java, "-jar", jar.toString(), "serve", "--port", "0",
                "--data-dir", dataDir.toString(), "--database-url", database.url(),
                "--provisioning-dir", provisioning.toString())));
        pb.environment().put("DASHPLANE_DATABASE_USER", database.user());
        pb.environment().put("DASHPLANE_SECRET_KEY", key);
        pb.environment().put("DASHPLANE_BOOTSTRAP_TOKEN",
                io.dashplane.server.config.ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);
        return pb;
    }

    /** Reads the rest of a child's output so that it never blocks on a full pipe. */
    private static void drain(InputStream out) {
        Thread t = new Thread(() -> {
            try {
                out.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException ignored) {
                // the child died
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
    }

    static {
        // fails early with the install hint when the binaries are missing
        ThrowawayPostgres.binaries();
    }
}
