package io.dashplane.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.provisioning.ProvisioningPlan;
import io.dashplane.server.Services;
import io.dashplane.server.ContentServices;
import io.dashplane.server.provisioning.ProvisioningResult;
import io.dashplane.server.provisioning.ProvisioningService;
import io.dashplane.server.provisioning.ProvisioningSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a periodic provisioning rescan costs: one dashboard provider holding N corpus dashboard files (copies with
 * unique uids and titles), loaded once, then rescanned repeatedly with nothing changed (the steady state every
 * {@code updateIntervalSeconds}, 10 s by default), then with one file changed. Runs the real
 * {@link ProvisioningService} over a real SQLite file, in process. Not a test; run it with the {@code bench} Maven
 * profile and {@code -Dbench.main=io.dashplane.server.bench.ProvisioningRescanBenchmark} (docs/performance.md).
 * Settings: {@code -Dbench.dashboards=1000 -Dbench.rescans=20}.
 */
public final class ProvisioningRescanBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProvisioningRescanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int dashboards = Integer.getInteger("bench.dashboards", 1000);
        int rescans = Integer.getInteger("bench.rescans", 20);
        List<ObjectNode> corpus = ServerBenchmark.loadCorpus(ServerBenchmark.corpusDir());
        Path work = Files.createTempDirectory("dashplane-rescan-bench");
        try {
            Path root = work.resolve("provisioning");
            Path files = root.resolve("dashboard-files");
            Files.createDirectories(root.resolve("dashboards"));
            Files.createDirectories(root.resolve("datasources"));
            // the datasource the corpus dashboards refer to
            Files.writeString(root.resolve("datasources/prometheus.yaml"), """
                    apiVersion: 1
                    datasources:
                      - name: Prometheus
                        uid: Prometheus
                        type: prometheus
                        url: http://prometheus:9090
                    """, StandardCharsets.UTF_8);
            Files.createDirectories(files);
            Files.writeString(root.resolve("dashboards/bench.yaml"), """
                    apiVersion: 1
                    providers:
                      - name: bench
                        folder: Bench
                        folderUid: bench
                        options:
                          path: dashboard-files
                    """, StandardCharsets.UTF_8);
            long bytes = 0;
            for (int i = 0; i < dashboards; i++) {
                byte[] json = dashboard(corpus, i);
                Files.write(files.resolve("d" + i + ".json"), json);
                bytes += json.length;
            }
            System.out.printf(Locale.ROOT, "provisioning rescan benchmark: %d dashboard files (%.1f MB, %d corpus"
                    + " dashboards round robin), %d unchanged rescans, %d cores, java %s%n", dashboards,
                    bytes / 1e6, corpus.size(), rescans, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            try (Services services = Services.open(work.resolve("data"), null)) {
                ProvisioningService provisioning = ContentServices.over(services).provisioning();
                Sample full;
                try {
                    full = measure(() -> provisioning.load(new ProvisioningSource(root, List.of(), Map.of())));
                } catch (io.dashplane.server.errors.DomainException e) {
                    e.errors().stream().limit(5).forEach(f -> System.out.println(f));
                    throw e;
                }
                report("initial load (all files written)", full);
                ProvisioningPlan.Provider provider = provisioning.loaded().providers().get(0);
                provisioning.rescan(provider); // warm-up
                List<Sample> unchanged = new ArrayList<>();
                for (int i = 0; i < rescans; i++) {
                    Sample sample = measure(() -> provisioning.rescan(provider).orElseThrow());
                    unchanged.add(sample);
                    Map<String, Integer> counts = sample.result().counts().getOrDefault("dashboard", Map.of());
                    if (counts.getOrDefault("created", 0) != 0 || counts.getOrDefault("updated", 0) != 0) {
                        throw new IllegalStateException("an unchanged rescan wrote dashboards: " + sample.result().counts());
                    }
                }
                unchanged.sort(Comparator.comparingLong(Sample::wallNanos));
                report("unchanged rescan, median", unchanged.get(unchanged.size() / 2));
                report("unchanged rescan, slowest", unchanged.get(unchanged.size() - 1));
                System.out.printf(Locale.ROOT, "files read by the last unchanged rescan: %d; heap in use after a full GC:"
                        + " %.0f MB%n", provisioning.rescanProvider(provider).orElseThrow().filesRead(), heapAfterGcMb());
                Files.write(files.resolve("d0.json"), dashboard(corpus, dashboards + 1));
                report("rescan with one file changed", measure(() -> provisioning.rescan(provider).orElseThrow()));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] dashboard(List<ObjectNode> corpus, int n) {
        ObjectNode d = corpus.get(n % corpus.size()).deepCopy();
        d.remove("id");
        d.put("uid", "bench-" + n);
        d.put("title", d.path("title").asText("dashboard") + " #" + n);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double heapAfterGcMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    }

    private record Sample(long wallNanos, long cpuNanos, double load, ProvisioningResult result) {
    }

    private static Sample measure(java.util.function.Supplier<ProvisioningResult> run) {
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        ProvisioningResult result = run.get();
        long wall = System.nanoTime() - start;
        return new Sample(wall, OS.getProcessCpuTime() - cpu, OS.getSystemLoadAverage(), result);
    }

    private static void report(String what, Sample sample) {
        System.out.printf(Locale.ROOT, "%-34s wall %8.1f ms  cpu %8.1f ms  load %5.2f  counts %s%n", what,
                sample.wallNanos() / 1e6, sample.cpuNanos() / 1e6, sample.load(), sample.result().counts());
    }
}
