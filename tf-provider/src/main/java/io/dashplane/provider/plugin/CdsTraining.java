package io.dashplane.provider.plugin;

import io.dashplane.provider.goplugin.Empty;
import io.dashplane.provider.goplugin.GRPCControllerGrpc;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Build-time training run for the AppCDS archive: starts the real executable as Terraform would, with
 * {@code DASHPLANE_CDS_DUMP} telling the launcher to record every loaded class, drives the handshake and a few
 * calls over mTLS in both protocol versions, then calls Shutdown so the JVM writes the archive on exit.
 * When a JDK 25 or newer is found ({@code DASHPLANE_AOT_JAVA}, else the newest under {@code /usr/lib/jvm}), the
 * same run is repeated with it and {@code DASHPLANE_AOT_OUTPUT}, which makes the launcher write an AOT cache
 * ({@code lib/dashplane.aot}, JEP 483/514) that the launcher then uses on that JDK; without one it is skipped.
 * Usage: {@code java -cp 'lib/*' io.dashplane.provider.plugin.CdsTraining <executable>}.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Path executable = Path.of(args[0]).toRealPath();
        Path archive = executable.getParent().resolve("lib").resolve("dashplane.jsa");
        Files.deleteIfExists(archive);
        train(executable, "5,6", Map.of("DASHPLANE_CDS_DUMP", archive.toString()));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no CDS archive at " + archive);
        }
        System.out.println("CDS archive written: " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
        Path shimArchive = executable.getParent().resolve("lib").resolve("shim").resolve("shim.jsa");
        Files.deleteIfExists(shimArchive);
        trainShim(executable, Map.of("DASHPLANE_SHIM_CDS_DUMP", shimArchive.toString()));
        if (!Files.isRegularFile(shimArchive)) {
            throw new IllegalStateException("the shim's training run wrote no CDS archive at " + shimArchive);
        }
        System.out.println("shim CDS archive written: " + shimArchive + " (" + Files.size(shimArchive) / 1024 + " KiB)");

        Path aotCache = executable.getParent().resolve("lib").resolve("dashplane.aot");
        Files.deleteIfExists(aotCache);
        Path shimAotCache = executable.getParent().resolve("lib").resolve("shim").resolve("shim.aot");
        Files.deleteIfExists(shimAotCache);
        Optional<Path> aotJava = JdkReleases.aotJava(System.getenv("DASHPLANE_AOT_JAVA"), Path.of("/usr/lib/jvm"));
        if (aotJava.isEmpty()) {
            System.out.println("no JDK 25 or newer found (DASHPLANE_AOT_JAVA): no AOT cache");
            return;
        }
        try {
            train(executable, "5,6", Map.of("DASHPLANE_JAVA", aotJava.get().toString(),
                    "DASHPLANE_AOT_OUTPUT", aotCache.toString()));
        } catch (Exception e) {
            System.out.println("no AOT cache: the training run with " + aotJava.get() + " failed: " + e);
        }
        if (!Files.isRegularFile(aotCache)) {
            // the launcher then uses the AppCDS archive on that JDK too
            System.out.println("no AOT cache written with " + aotJava.get());
            return;
        }
        System.out.println("AOT cache written with " + aotJava.get() + ": " + aotCache + " (" + Files.size(aotCache) / 1024 + " KiB)");
        try {
            trainShim(executable, Map.of("DASHPLANE_JAVA", aotJava.get().toString(),
                    "DASHPLANE_SHIM_AOT_OUTPUT", shimAotCache.toString()));
        } catch (Exception e) {
            System.out.println("no shim AOT cache: the training run with " + aotJava.get() + " failed: " + e);
        }
        if (Files.isRegularFile(shimAotCache)) {
            System.out.println("shim AOT cache written: " + shimAotCache + " (" + Files.size(shimAotCache) / 1024 + " KiB)");
        }
    }

    /**
     * The provider daemon's shim, trained the same way: a first start (which starts a daemon in a private
     * directory made for this run, so that no user's daemon is involved), the handshake, Shutdown, then the shim
     * exits and writes its archive; the daemon is stopped at the end.
     */
    private static void trainShim(Path executable, Map<String, String> archiveEnvironment) throws Exception {
        Path privateTmp = Files.createTempDirectory("dashplane-shim-training");
        Map<String, String> daemonEnvironment = new java.util.HashMap<>(Map.of("DASHPLANE_PROVIDER_DAEMON", "on",
                "TMPDIR", privateTmp.toString(), "XDG_RUNTIME_DIR", "", "DASHPLANE_PROVIDER_DAEMON_IDLE", "60s"));
        if (archiveEnvironment.containsKey("DASHPLANE_JAVA")) {
            daemonEnvironment.put("DASHPLANE_JAVA", archiveEnvironment.get("DASHPLANE_JAVA"));
        }
        try {
            Map<String, String> environment = new java.util.HashMap<>(daemonEnvironment);
            environment.putAll(archiveEnvironment);
            train(executable, "5,6", environment);
        } finally {
            ProcessBuilder stop = new ProcessBuilder(executable.toString(), "daemon", "stop");
            stop.environment().putAll(daemonEnvironment);
            stop.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process stopping = stop.start();
            if (!stopping.waitFor(60, TimeUnit.SECONDS)) {
                stopping.destroyForcibly();
            }
            try (var files = Files.walk(privateTmp)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void train(Path executable, String versions, Map<String, String> environment) throws Exception {
        SelfSignedCertificate clientCert = SelfSignedCertificate.generate(SelfSignedCertificate.TERRAFORM_CLIENT_CURVE);
        ProcessBuilder pb = new ProcessBuilder(executable.toString());
        pb.environment().put(HandshakeSettings.MAGIC_COOKIE_KEY, HandshakeSettings.MAGIC_COOKIE_VALUE);
        pb.environment().put("PLUGIN_PROTOCOL_VERSIONS", versions);
        pb.environment().put("PLUGIN_CLIENT_CERT", clientCert.certificatePem());
        pb.environment().putAll(environment);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        try {
            drive(process, clientCert);
        } finally {
            // writing the archive at exit takes seconds on an idle machine but over a minute on a loaded one
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the plugin did not exit after Shutdown");
            }
        }
    }

    private static void drive(Process process, SelfSignedCertificate clientCert) throws Exception {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the plugin exited without a handshake line");
            }
            HandshakeLine handshake = HandshakeLine.parse(line);
            ManagedChannel channel = PluginClientChannels.connect(handshake, clientCert);
            try {
                HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService("plugin").build());
                io.dashplane.provider.tfplugin6.ProviderGrpc.newBlockingStub(channel)
                        .getProviderSchema(io.dashplane.provider.tfplugin6.GetProviderSchema.Request.getDefaultInstance());
                io.dashplane.provider.tfplugin5.ProviderGrpc.newBlockingStub(channel)
                        .getSchema(io.dashplane.provider.tfplugin5.GetProviderSchema.Request.getDefaultInstance());
                GRPCControllerGrpc.newBlockingStub(channel).shutdown(Empty.getDefaultInstance());
            } finally {
                channel.shutdownNow();
            }
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
