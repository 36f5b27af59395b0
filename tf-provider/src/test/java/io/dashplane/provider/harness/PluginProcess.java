package io.dashplane.provider.harness;

import io.dashplane.provider.goplugin.Empty;
import io.dashplane.provider.goplugin.GRPCControllerGrpc;
import io.dashplane.provider.plugin.HandshakeLine;
import io.dashplane.provider.plugin.HandshakeSettings;
import io.dashplane.provider.plugin.PluginClientChannels;
import io.dashplane.provider.plugin.SelfSignedCertificate;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The provider executable started exactly as Terraform starts it: magic cookie, PLUGIN_PROTOCOL_VERSIONS in
 * random order, port range, a fresh P-521 client certificate in PLUGIN_CLIENT_CERT; the handshake line is
 * parsed strictly and the gRPC channel uses mTLS trusting only the certificate from that line.
 */
public final class PluginProcess implements AutoCloseable {
    private final Process process;
    private final HandshakeLine handshake;
    private final SelfSignedCertificate clientCert;
    private final ManagedChannel channel;
    private final CompletableFuture<String> restOfStdout;
    private final CompletableFuture<String> stderr;

    private PluginProcess(Process process, HandshakeLine handshake, SelfSignedCertificate clientCert,
                          CompletableFuture<String> restOfStdout, CompletableFuture<String> stderr) {
        this.process = process;
        this.handshake = handshake;
        this.clientCert = clientCert;
        this.restOfStdout = restOfStdout;
        this.stderr = stderr;
        this.channel = PluginClientChannels.connect(handshake, clientCert);
    }

    /** The executable of {@code target/it-dist} (the built dist plus the test provider). */
    public static Path testExecutable() {
        String dir = System.getProperty("dashplane.itDist", "target/it-dist");
        return Path.of(dir, "terraform-provider-dashplane").toAbsolutePath();
    }

    /** Protocol versions as a newer Terraform offers them: 5 and 6 in random order. */
    public static PluginProcess start(Path executable) throws IOException {
        List<String> versions = new ArrayList<>(List.of("5", "6"));
        Collections.shuffle(versions);
        return start(executable, String.join(",", versions), Map.of());
    }

    public static PluginProcess start(Path executable, String protocolVersions, Map<String, String> extraEnv)
            throws IOException {
        SelfSignedCertificate clientCert = SelfSignedCertificate.generate(SelfSignedCertificate.TERRAFORM_CLIENT_CURVE);
        ProcessBuilder pb = new ProcessBuilder(executable.toString());
        Map<String, String> env = pb.environment();
        env.putAll(terraformEnvironment(protocolVersions, clientCert));
        env.put("DASHPLANE_PROVIDER_DAEMON_IDLE", "20s"); // provider daemons started by tests go soon
        env.putAll(extraEnv);
        Process process = pb.start();
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the plugin exited without a handshake line; stderr: " + stderr.join());
        }
        HandshakeLine handshake;
        try {
            handshake = HandshakeLine.parse(line);
        } catch (IllegalArgumentException e) {
            process.destroyForcibly();
            throw e;
        }
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder b = new StringBuilder();
                out.lines().forEach(l -> b.append(l).append('\n'));
                return b.toString();
            } catch (RuntimeException e) {
                return "<unreadable: " + e + ">";
            }
        }, PluginProcess::daemon);
        return new PluginProcess(process, handshake, clientCert, rest, stderr);
    }

    public static Map<String, String> terraformEnvironment(String protocolVersions, SelfSignedCertificate clientCert) {
        Map<String, String> env = new HashMap<>();
        env.put(HandshakeSettings.MAGIC_COOKIE_KEY, HandshakeSettings.MAGIC_COOKIE_VALUE);
        env.put("PLUGIN_PROTOCOL_VERSIONS", protocolVersions);
        env.put("PLUGIN_MIN_PORT", "10000");
        env.put("PLUGIN_MAX_PORT", "25000");
        env.put("PLUGIN_CLIENT_CERT", clientCert.certificatePem());
        return env;
    }

    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<unreadable: " + e + ">";
            }
        }, PluginProcess::daemon);
    }

    /** Stream readers block: each gets its own thread (the common pool may have a single worker). */
    static void daemon(Runnable task) {
        Thread t = new Thread(task, "plugin-stream-reader");
        t.setDaemon(true);
        t.start();
    }

    public HandshakeLine handshake() {
        return handshake;
    }

    public SelfSignedCertificate clientCertificate() {
        return clientCert;
    }

    public Process process() {
        return process;
    }

    public ManagedChannel channel() {
        return channel;
    }

    public io.dashplane.provider.tfplugin5.ProviderGrpc.ProviderBlockingStub v5() {
        return io.dashplane.provider.tfplugin5.ProviderGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public io.dashplane.provider.tfplugin6.ProviderGrpc.ProviderBlockingStub v6() {
        return io.dashplane.provider.tfplugin6.ProviderGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public HealthCheckResponse.ServingStatus health() {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService("plugin").build()).getStatus();
    }

    /** plugin.GRPCController/Shutdown, as the client sends at the end of a phase. */
    public void shutdown() {
        GRPCControllerGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .shutdown(Empty.getDefaultInstance());
    }

    /** Waits for the process to end; returns its exit code, or null if it is still running after the wait. */
    public Integer awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Everything the plugin printed on stdout after the handshake line (complete once the process ended). */
    public String stdoutAfterHandshake() {
        return restOfStdout.join();
    }

    public String stderr() {
        return stderr.join();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
