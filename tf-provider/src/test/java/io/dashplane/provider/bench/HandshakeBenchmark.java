package io.dashplane.provider.bench;

import io.dashplane.provider.harness.PluginProcess;
import io.dashplane.provider.plugin.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from process start to the handshake line, median of 20 runs: a plain {@code java -cp 'lib/*'} start of the
 * main class ("before"), the launcher serving in its own process (DASHPLANE_PROVIDER_DAEMON=off: AppCDS archive,
 * C1 only, SerialGC), and the default, the provider daemon: once cold (the daemon stopped first, so the Java shim
 * starts it) and warm (the launcher's bash fast path asks the running daemon over loopback TCP, no JVM started),
 * with the daemon's CPU time per start. The reference, in the
 * same run: {@link HelloLine}, a JVM with the shim's options that prints a line (the floor of any Java start).
 * The JDK is the one running the benchmark ({@code JAVA_HOME} is set to it for the launcher).
 * Each run is a Terraform-like start: cookie, protocol versions, a fresh P-521 client certificate (made before
 * the clock starts). The process is killed after the line, as Terraform does at the end of a phase.
 *
 * <pre>
 * mvn -B -q -pl tf-provider -am -DskipTests package
 * java -cp "tf-provider/target/test-classes:tf-provider/target/dist/lib/*" \
 *     io.dashplane.provider.bench.HandshakeBenchmark tf-provider/target/dist [runs]
 * </pre>
 */
public final class HandshakeBenchmark {
    private HandshakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args.length > 0 ? args[0] : "tf-provider/target/dist").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path launcher = dist.resolve("terraform-provider-dashplane");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalArgumentException("no executable at " + launcher + "; run the package build first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> hello = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Xss512k", "-Xms8m", "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                HelloLine.class.getName());
        List<String> plain = List.of(java, "-cp", dist.resolve("lib") + "/*", "io.dashplane.provider.plugin.PluginMain");

        String javaHome = System.getProperty("java.home");
        Map<String, String> inProcess = Map.of("DASHPLANE_PROVIDER_DAEMON", "off", "JAVA_HOME", javaHome);
        measure("warm-up (discarded)", List.of(launcher.toString()), 3, inProcess);
        double reference = measure("reference: a JVM printing one line (the shim's options)", hello, runs, Map.of());
        double before = measure("before: plain java -cp lib/* (no AppCDS, default JIT/GC)", plain, runs, Map.of());
        double after = measure("in process: DASHPLANE_PROVIDER_DAEMON=off launcher (AppCDS, C1, SerialGC)",
                List.of(launcher.toString()), runs, inProcess);
        Map<String, String> daemonOn = Map.of("JAVA_HOME", javaHome); // the default
        daemon(launcher, "stop");
        double cold = measure("daemon, cold: the shim starts the daemon (first start)", List.of(launcher.toString()), 1,
                daemonOn);
        long daemonPid = Long.parseLong(daemon(launcher, "status").replaceAll(".*pid ([0-9]+).*", "$1").trim());
        double daemonCpuBefore = cpuMillis(daemonPid);
        double warm = measure("daemon, warm: bash fast path + session in the running daemon", List.of(launcher.toString()), runs,
                daemonOn);
        double daemonCpuPerStart = (cpuMillis(daemonPid) - daemonCpuBefore) / runs;
        System.out.printf("handshake median: before %.0f ms, in process %.0f ms, daemon cold %.0f ms, daemon warm %.0f ms"
                        + " (%.2fx the reference's %.0f ms); daemon CPU per warm start %.0f ms (%d runs each, %d CPUs,"
                        + " java %s, load average %s)%n",
                before, after, cold, warm, warm / reference, reference, daemonCpuPerStart, runs,
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Runs {@code terraform-provider-dashplane daemon <command>} and returns what it printed. */
    private static String daemon(Path launcher, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "daemon", command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static double measure(String label, List<String> command, int runs, Map<String, String> extraEnv)
            throws Exception {
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        for (int i = 0; i < runs; i++) {
            SelfSignedCertificate clientCert = SelfSignedCertificate.generate(SelfSignedCertificate.TERRAFORM_CLIENT_CURVE);
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(PluginProcess.terraformEnvironment(i % 2 == 0 ? "5,6" : "6,5", clientCert));
            pb.environment().remove("DASHPLANE_JAVA");
            pb.environment().putAll(extraEnv);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = pb.start();
            try {
                String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                millis[i] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i] = cpuMillis(process.pid());
                if (line == null || !line.startsWith("1|6|tcp|127.0.0.1:")) {
                    throw new IllegalStateException("unexpected handshake: " + line);
                }
            } finally {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] cpu = cpuMillis.clone();
        Arrays.sort(cpu);
        System.out.printf("%s: median %.0f ms, min %.0f ms, max %.0f ms; CPU time until the line: median %.0f ms%n",
                label, median, sorted[0], sorted[runs - 1], median(cpu));
        return median;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * user + system CPU time the plugin process used so far (Linux /proc; the launcher execs java, so the pid
     * is the JVM's). Less sensitive to other load on the machine than the wall-clock figure; -1 elsewhere.
     */
    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * 10.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
