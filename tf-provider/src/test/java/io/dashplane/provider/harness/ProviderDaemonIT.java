package io.dashplane.provider.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dashplane.provider.plugin.PluginClientChannels;
import io.dashplane.provider.plugin.SelfSignedCertificate;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider daemon (DASHPLANE_PROVIDER_DAEMON=on), driven as Terraform drives the executable: each test
 * has its own copy of the test dist and its own private socket directory (TMPDIR), so its daemon is its own.
 */
class ProviderDaemonIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;
    private Path executable;
    private Map<String, String> env;

    @BeforeEach
    void copyOfTheDist() throws IOException {
        executable = copyDist(work.resolve("dist"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        env = new HashMap<>();
        env.put("TMPDIR", tmp.toString());
        env.put("XDG_RUNTIME_DIR", "");
        env.put("DASHPLANE_PROVIDER_DAEMON_IDLE", "60s");
        env.put("DASHPLANE_PROVIDER_DAEMON", "on"); // the default; explicit here, as this class is about it
    }

    @AfterEach
    void stopTheDaemon() throws Exception {
        daemon(executable, "stop");
    }

    @Test
    void twoPluginStartsShareOneDaemonAndEachGetsItsOwnSessionPortAndCertificate() throws Exception {
        try (PluginProcess first = PluginProcess.start(executable, "5,6", env);
             PluginProcess second = PluginProcess.start(executable, "6,5", env)) {
            String status = daemon(executable, "status");
            assertTrue(status.contains("sessions 2"), status);
            assertNotEquals(first.handshake().port(), second.handshake().port());
            assertNotEquals(first.handshake().serverCertificate(), second.handshake().serverCertificate());
            assertEquals(ServingStatus.SERVING, first.health());
            assertEquals(ServingStatus.SERVING, second.health());
            first.shutdown();
            assertEquals(0, first.awaitExit(WAIT), "the shim exits 0 after Shutdown of its session");
            assertEquals(ServingStatus.SERVING, second.health(), "the other session goes on");
            second.shutdown();
            assertEquals(0, second.awaitExit(WAIT));
        }
    }

    @ParameterizedTest(name = "PLUGIN_PROTOCOL_VERSIONS={0} -> {1}")
    @CsvSource(delimiter = ';', value = {"5;5", "6;6", "5,6;6", "6,5;6", "4,5;5", "7,6,5;6"})
    void aSessionChoosesTheHighestOfferedVersionWithAutoMtlsAndTheShimExitsOnShutdown(String offered, int expected)
            throws Exception {
        try (PluginProcess plugin = PluginProcess.start(executable, offered, env)) {
            assertEquals(expected, plugin.handshake().protocolVersion());
            assertNotNull(plugin.handshake().serverCertificate(), "AutoMTLS: the line carries the server certificate");
            assertEquals(ServingStatus.SERVING, plugin.health());
            plugin.shutdown();
            assertEquals(0, plugin.awaitExit(WAIT), "the shim exits 0 after GRPCController/Shutdown");
            assertEquals("", plugin.stdoutAfterHandshake(), "stdout carries exactly one line");
        }
    }

    @Test
    void aClientWithoutTheSessionsPinnedCertificateIsRejected() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            SelfSignedCertificate stranger = SelfSignedCertificate.generate(SelfSignedCertificate.TERRAFORM_CLIENT_CURVE);
            ManagedChannel channel = PluginClientChannels.connect(plugin.handshake(), stranger);
            try {
                assertThrows(StatusRuntimeException.class, () -> HealthGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(20, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService("plugin").build()));
            } finally {
                channel.shutdownNow();
            }
            assertEquals(ServingStatus.SERVING, plugin.health(), "Terraform's own certificate still works");
        }
    }

    @Test
    void sigintToTheShimIsIgnored() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(plugin.process().pid())).start();
            assertEquals(0, kill.waitFor());
            assertEquals(null, plugin.awaitExit(Duration.ofSeconds(2)), "still running after SIGINT");
            assertEquals(ServingStatus.SERVING, plugin.health());
        }
    }

    @Test
    void theDaemonPidStaysTheSameAcrossPluginStarts() throws Exception {
        try (PluginProcess first = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, first.health());
        }
        long daemon = pid(daemon(executable, "status"));
        try (PluginProcess second = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, second.health());
            assertEquals(daemon, pid(daemon(executable, "status")));
        }
    }

    @Test
    void killingTheShimEndsItsSessionAndItsPortStopsListening() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            int port = plugin.handshake().port();
            assertTrue(listening(port));
            plugin.process().destroyForcibly(); // SIGKILL, as go-plugin does
            plugin.process().waitFor(30, TimeUnit.SECONDS);
            assertTrue(eventually(() -> !listening(port)), "the session's port " + port + " still listens");
            assertTrue(eventually(() -> daemonStatus().contains("sessions 0")), daemonStatus());
        }
    }

    @Test
    void aRebuiltLibDirectoryGetsANewDaemon() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, plugin.health());
        }
        long before = pid(daemon(executable, "status"));
        Path jar;
        try (Stream<Path> jars = Files.list(executable.resolveSibling("lib"))) {
            jar = jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, plugin.health());
            long after = pid(daemon(executable, "status"));
            assertNotEquals(before, after, "a changed jar means another daemon");
            assertTrue(commandLine(plugin).contains("ShimMain"), "the old daemon answered the bash shim STALE: "
                    + commandLine(plugin));
        }
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertTrue(commandLine(plugin).contains("session.bash"), commandLine(plugin));
            assertEquals(ServingStatus.SERVING, plugin.health());
            assertNotEquals(before, pid(daemon(executable, "status")));
        }
        ProcessHandle.of(before).ifPresent(ProcessHandle::destroy); // the old installation's daemon
    }

    @Test
    void theDaemonExitsAfterItsIdleTimeout() throws Exception {
        env.put("DASHPLANE_PROVIDER_DAEMON_IDLE", "2s");
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            plugin.shutdown();
            assertEquals(0, plugin.awaitExit(WAIT));
        }
        long pid = pid(daemon(executable, "status"));
        assertTrue(eventually(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)),
                "the daemon " + pid + " still runs after its idle timeout");
        assertTrue(daemonStatus().startsWith("not running"), daemonStatus());
        try (Stream<Path> files = Files.list(socketDirectory(env.get("TMPDIR")))) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tcp")).toList(),
                    "the daemon removes its fast-path file when it exits");
        }
    }

    @Test
    void theSocketDirectoryIsPrivateAndADirectoryOthersCanReadIsRefused() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, plugin.health());
        }
        Path dir = socketDirectory(env.get("TMPDIR"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        daemon(executable, "stop");

        Path otherTmp = Files.createDirectories(work.resolve("other-tmp"));
        Path open = Files.createDirectory(socketDirectory(otherTmp.toString()));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("TMPDIR", otherTmp.toString());
        String refused = refusedStart();
        assertTrue(refused.contains(open + " has permissions rwxr-xr-x; it must be rwx------"), refused);
    }

    @Test
    void aSocketDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue(uid().equals("0"), "only root can make a directory owned by someone else");
        Path otherTmp = Files.createDirectories(work.resolve("other-tmp"));
        Path foreign = Files.createDirectory(socketDirectory(otherTmp.toString()));
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(foreign, "unix:uid", 4242);
        env.put("TMPDIR", otherTmp.toString());
        String refused = refusedStart();
        assertTrue(refused.contains(foreign + " belongs to user id 4242, not to you"), refused);
    }

    @Test
    void eachSessionsLogLinesReachOnlyItsOwnShim() throws Exception {
        env.put("TF_LOG", "DEBUG");
        try (PluginProcess first = PluginProcess.start(executable, "6", env);
             PluginProcess second = PluginProcess.start(executable, "6", env)) {
            first.shutdown();
            second.shutdown();
            assertEquals(0, first.awaitExit(WAIT));
            assertEquals(0, second.awaitExit(WAIT));
            String firstPort = ":" + first.handshake().port() + "\"";
            String secondPort = ":" + second.handshake().port() + "\"";
            assertTrue(first.stderr().contains("serving protocol 6 on 127.0.0.1" + firstPort), first.stderr());
            assertFalse(first.stderr().contains(secondPort), first.stderr());
            assertTrue(second.stderr().contains("serving protocol 6 on 127.0.0.1" + secondPort), second.stderr());
            assertFalse(second.stderr().contains(firstPort), second.stderr());
        }
        env.remove("TF_LOG");
        try (PluginProcess quiet = PluginProcess.start(executable, "6", env)) {
            quiet.shutdown();
            assertEquals(0, quiet.awaitExit(WAIT));
            assertEquals("", quiet.stderr(), "at the default level (WARN) a session logs nothing");
        }
    }

    @Test
    void withoutTheMagicCookieTheShimSaysItIsNotMeantToBeRunDirectlyAndExits1() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(executable.toString());
        pb.environment().putAll(env);
        Process process = pb.start();
        var stdout = PluginProcess.drain(process.getInputStream());
        var stderr = PluginProcess.drain(process.getErrorStream());
        assertTrue(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertEquals("", stdout.join());
        assertTrue(stderr.join().contains("It is not meant to be executed directly"), stderr.join());
        assertTrue(daemonStatus().startsWith("not running"), "no daemon is started for it: " + daemonStatus());
    }

    @ParameterizedTest(name = "DASHPLANE_PROVIDER_DAEMON={0}")
    @ValueSource(strings = {"off", "0", "false", "no"})
    void turnedOffTheExecutableServesInItsOwnProcessWithAutoMtls(String setting) throws Exception {
        env.put("DASHPLANE_PROVIDER_DAEMON", setting);
        try (PluginProcess plugin = PluginProcess.start(executable, "5,6", env)) {
            assertEquals(6, plugin.handshake().protocolVersion());
            assertNotNull(plugin.handshake().serverCertificate());
            assertEquals(ServingStatus.SERVING, plugin.health());
            String command = plugin.process().info().arguments().map(List::of).orElse(List.of()).toString();
            assertTrue(command.contains("io.dashplane.provider.plugin.PluginMain"), command);
            plugin.shutdown();
            assertEquals(0, plugin.awaitExit(WAIT));
        }
        assertTrue(daemonStatus().startsWith("not running"), daemonStatus());
    }

    @ParameterizedTest(name = "DASHPLANE_PROVIDER_DAEMON={0}")
    @ValueSource(strings = {"", "on"})
    void unsetOrOnTheExecutableIsTheShimAndTheSessionIsServedByTheDaemon(String setting) throws Exception {
        env.put("DASHPLANE_PROVIDER_DAEMON", setting);
        try (PluginProcess plugin = PluginProcess.start(executable, "5,6", env)) {
            assertEquals(6, plugin.handshake().protocolVersion());
            assertNotNull(plugin.handshake().serverCertificate());
            assertEquals(ServingStatus.SERVING, plugin.health());
            String command = plugin.process().info().arguments().map(List::of).orElse(List.of()).toString();
            assertTrue(command.contains("io.dashplane.provider.shim.ShimMain"), command);
            assertTrue(daemonStatus().startsWith("running pid"), daemonStatus());
            plugin.shutdown();
            assertEquals(0, plugin.awaitExit(WAIT));
        }
    }

    @Test
    void aStartWhileTheDaemonRunsIsServedByBashOverLoopbackWithoutAJvm() throws Exception {
        try (PluginProcess first = PluginProcess.start(executable, "6", env)) {
            assertTrue(commandLine(first).contains("io.dashplane.provider.shim.ShimMain"), "no daemon yet: the Java shim");
        }
        long daemon = pid(daemon(executable, "status"));
        env.put("TF_LOG", "DEBUG");
        try (PluginProcess plugin = PluginProcess.start(executable, "5,6", env)) {
            String command = commandLine(plugin);
            assertTrue(command.contains("session.bash"), command);
            String program = plugin.process().info().command().orElse("");
            assertTrue(program.endsWith("/bash"), "no JVM between Terraform and the daemon: " + program);
            assertEquals(6, plugin.handshake().protocolVersion());
            assertNotNull(plugin.handshake().serverCertificate(), "AutoMTLS: the line carries the server certificate");
            assertEquals(ServingStatus.SERVING, plugin.health());
            assertEquals(daemon, pid(daemon(executable, "status")));
            plugin.shutdown();
            assertEquals(0, plugin.awaitExit(WAIT), "the shim exits 0 after GRPCController/Shutdown");
            assertEquals("", plugin.stdoutAfterHandshake(), "stdout carries exactly one line");
            assertTrue(plugin.stderr().contains("serving protocol 6 on 127.0.0.1:" + plugin.handshake().port() + "\""),
                    "the session's log reaches this shim's stderr: " + plugin.stderr());
        }
    }

    @Test
    void theBashShimIgnoresSigintAndKillingItEndsItsSession() throws Exception {
        try (PluginProcess first = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, first.health());
        }
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertTrue(commandLine(plugin).contains("session.bash"), commandLine(plugin));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(plugin.process().pid())).start();
            assertEquals(0, kill.waitFor());
            assertEquals(null, plugin.awaitExit(Duration.ofSeconds(2)), "still running after SIGINT");
            assertEquals(ServingStatus.SERVING, plugin.health());
            int port = plugin.handshake().port();
            plugin.process().destroyForcibly(); // SIGKILL, as go-plugin does
            plugin.process().waitFor(30, TimeUnit.SECONDS);
            assertTrue(eventually(() -> !listening(port)), "the session's port " + port + " still listens");
            assertTrue(eventually(() -> daemonStatus().contains("sessions 0")), daemonStatus());
        }
    }

    @Test
    void aLoopbackPortThatDoesNotGreetWithTheDaemonsTokenGetsNothingAndTheStartFallsBackToTheJavaShim()
            throws Exception {
        try (PluginProcess first = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, first.health());
        }
        Path file = fastPathFile();
        String[] real = Files.readString(file).trim().split(" ");
        try (ServerSocket impostor = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Files.writeString(file, impostor.getLocalPort() + " " + real[1] + " " + real[2] + " 1\n");
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = impostor.accept()) {
                    s.getOutputStream().write("DASHPLANE-PROVIDER-DAEMON 0123\n".getBytes(StandardCharsets.UTF_8));
                    s.setSoTimeout(5000);
                    return s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return ("failed: " + e).getBytes(StandardCharsets.UTF_8);
                }
            });
            try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
                assertTrue(commandLine(plugin).contains("io.dashplane.provider.shim.ShimMain"), commandLine(plugin));
                assertEquals(ServingStatus.SERVING, plugin.health());
            }
            assertEquals("", new String(received.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    "nothing of the environment was sent to the impostor");
        }
        assertEquals(real[0], Files.readString(file).split(" ")[0], "the Java shim's session rewrote the file");
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertTrue(commandLine(plugin).contains("session.bash"), commandLine(plugin));
            assertEquals(ServingStatus.SERVING, plugin.health());
        }
    }

    @Test
    void aConnectionWithoutTheShimsTokenGetsNoSession() throws Exception {
        try (PluginProcess first = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, first.health());
        }
        String[] file = Files.readString(fastPathFile()).trim().split(" ");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(file[0]))) {
            s.setSoTimeout(30_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("DASHPLANE-PROVIDER-DAEMON " + file[1], in.readLine());
            s.getOutputStream().write(("not-the-token\0" + "/x\0/usr/bin/java\0/\0" + "0\0\0").getBytes(StandardCharsets.UTF_8));
            assertEquals(null, in.readLine(), "the daemon closes the connection without an answer");
        }
        assertTrue(daemonStatus().contains("sessions 0"), daemonStatus());
    }

    @Test
    void aFastPathFileOfAnotherUserIsNotUsed() throws Exception {
        assumeTrue(uid().equals("0"), "only root can give a file to someone else");
        try (PluginProcess first = PluginProcess.start(executable, "6", env)) {
            assertEquals(ServingStatus.SERVING, first.health());
        }
        Files.setAttribute(fastPathFile(), "unix:uid", 4242);
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            assertTrue(commandLine(plugin).contains("io.dashplane.provider.shim.ShimMain"), commandLine(plugin));
            assertEquals(ServingStatus.SERVING, plugin.health());
        }
    }

    @Test
    void aMistypedOptionInDashplaneJavaOptsStopsTheDaemonsStartWithItsLog() throws Exception {
        env.put("DASHPLANE_JAVA_OPTS", "-XX:+NoSuchOptionInAnyJdk");
        String refused = refusedStart();
        assertTrue(refused.contains("the provider daemon exited with status 1 at start-up; see "), refused);
        Path log;
        try (Stream<Path> files = Files.list(socketDirectory(env.get("TMPDIR")))) {
            log = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        assertTrue(Files.readString(log).contains("NoSuchOptionInAnyJdk"), Files.readString(log));
    }

    private static String commandLine(PluginProcess plugin) {
        return plugin.process().info().commandLine().orElse("")
                + plugin.process().info().arguments().map(List::of).orElse(List.of());
    }

    /** The one launcher-*.tcp file in this test's private daemon directory. */
    private Path fastPathFile() throws Exception {
        try (Stream<Path> files = Files.list(socketDirectory(env.get("TMPDIR")))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("launcher-[0-9a-f]{8}\\.tcp")).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    /** A copy of the test dist (its own lib directory, hence its own daemon). */
    private static Path copyDist(Path target) throws IOException {
        Path source = PluginProcess.testExecutable().getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target.resolve("terraform-provider-dashplane");
    }

    private String refusedStart() throws Exception {
        IOException thrown = null;
        try (PluginProcess plugin = PluginProcess.start(executable, "6", env)) {
            throw new AssertionError("started despite the socket directory: " + plugin.handshake());
        } catch (IOException e) {
            thrown = e;
        }
        return thrown.getMessage();
    }

    private Path socketDirectory(String tmp) throws Exception {
        return Path.of(tmp, "dashplane-provider-" + uid());
    }

    private static String uid() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private String daemonStatus() {
        try {
            return daemon(executable, "status");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String daemon(Path launcher, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "daemon", command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        return out.trim();
    }

    private static long pid(String status) {
        assertTrue(status.startsWith("running pid "), status);
        return Long.parseLong(status.split(" ")[2]);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls (bounded, not a timing assertion) until the condition holds. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
