package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 6: a start that failed late created the admin and printed its token; the next, successful
 * start printed nothing, locking the operator out. The server runs as a child process of the real CLI
 * (the token is printed on its stderr); {@code reset-admin-token} is the way back in.
 */
class BootstrapLockOutTest extends ServerTestSupport {
    private static final Pattern TOKEN = Pattern.compile("created the server admin 'admin' with the token (dpt_\\S+)");

    @TempDir
    Path freshDir;
    @TempDir
    Path provisioning;

    @Test
    void aFailedStartCreatesNoAdminSoTheNextSuccessfulStartPrintsTheToken() throws Exception {
        Path datasources = Files.createDirectories(provisioning.resolve("datasources"));
        Files.writeString(datasources.resolve("broken.yaml"), "apiVersion: 1\ndatasources:\n  - name: X\n   type: y\n");
        Process failed = serve(freshDir, provisioning);
        String failedErr = new String(failed.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(failed.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, failed.exitValue(), failedErr);
        assertTrue(failedErr.contains("broken.yaml"), failedErr);
        assertFalse(failedErr.contains("created the server admin"), "a failed start prints no token: " + failedErr);

        Files.writeString(datasources.resolve("broken.yaml"), "apiVersion: 1\ndatasources:\n  - name: X\n    type: y\n");
        Process ok = serve(freshDir, provisioning);
        StreamCollector err = new StreamCollector(ok.getErrorStream());
        try {
            URI base = ServerProcesses.awaitListening(ok);
            String token = err.awaitMatch(TOKEN);
            Api admin = new Api(base, token);
            assertEquals(200, admin.get("/api/v1/service-accounts").status(), "the printed token is a server admin's");
            // The lock is the OS's, across processes: this JVM's offline commands are refused by that server.
            CliRun reset = CliRun.of("reset-admin-token", "--data-dir", freshDir.toString());
            assertEquals(1, reset.exitCode(), reset.toString());
            assertTrue(reset.err().contains("running on the data directory") && reset.err().contains("(process "
                    + ok.pid() + ")"), reset.toString());
            assertEquals(1, CliRun.of("rotate-key", "--data-dir", freshDir.toString()).exitCode());
            assertEquals(200, admin.get("/api/v1/service-accounts").status(), "the token still works");
        } finally {
            ok.destroy();
            assertTrue(ok.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void resetAdminTokenIssuesAWorkingServerAdminToken() {
        assertEquals(200, api.get("/api/v1/service-accounts").status());
        server.close();

        CliRun run = CliRun.of("reset-admin-token", "--data-dir", dataDir.toString());

        assertEquals(0, run.exitCode(), run.toString());
        String token = run.out().trim();
        assertTrue(token.startsWith("dpt_") && !token.contains("\n"), "only the token on stdout: " + run);
        restart();
        assertEquals(200, api.as(token).get("/api/v1/service-accounts").status());
        assertEquals(401, api.get("/api/v1/service-accounts").status(), "the account's earlier tokens are revoked");
        assertTrue(api.as(token).get("/api/v1/audit?kind=api-token").json().get("total").asLong() >= 2,
                "issuing and revoking are audited");

        // A missing account is created as server admin.
        server.close();
        CliRun other = CliRun.of("reset-admin-token", "--data-dir", dataDir.toString(), "--account", "rescue");
        assertEquals(0, other.exitCode(), other.toString());
        restart();
        Api.Reply whoami = api.as(other.out().trim()).get("/api/v1/whoami");
        assertEquals(200, whoami.status(), whoami.toString());
        assertEquals(200, api.as(other.out().trim()).get("/api/v1/service-accounts").status());
    }

    @Test
    void resetAdminTokenIsRefusedWhileAServerRuns() {
        long tokens = api.get("/api/v1/audit?kind=api-token").json().get("total").asLong();

        CliRun run = CliRun.of("reset-admin-token", "--data-dir", dataDir.toString());

        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("running on the data directory"), run.toString());
        assertEquals("", run.out(), "no token printed");
        assertEquals(tokens, api.get("/api/v1/audit?kind=api-token").json().get("total").asLong(), "nothing changed");
        assertEquals(200, api.get("/api/v1/service-accounts").status(), "the admin token still works");
    }

    private static Process serve(Path dir, Path provisioningDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, "io.dashplane.server.cli.Main", "serve",
                "--port", "0", "--data-dir", dir.toString(), "--provisioning-dir", provisioningDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("DASHPLANE_"));
        return pb.start();
    }


    /** Drains a process stream on its own thread (the server logs there) and finds a line in it. */
    private static final class StreamCollector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        StreamCollector(InputStream in) {
            thread = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (bytes) {
                            bytes.write(buf, 0, n);
                            bytes.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                synchronized (bytes) {
                    bytes.notifyAll();
                }
            }, "stderr-collector");
            thread.setDaemon(true);
            thread.start();
        }

        String awaitMatch(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            synchronized (bytes) {
                while (true) {
                    Matcher m = pattern.matcher(bytes.toString(StandardCharsets.UTF_8));
                    if (m.find()) {
                        return m.group(1);
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !thread.isAlive()) {
                        throw new AssertionError("not printed: " + pattern + "\n" + bytes.toString(StandardCharsets.UTF_8));
                    }
                    bytes.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }
    }
}
