package io.dashplane.provider.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.BatchedChecks;
import io.dashplane.provider.client.CheckAnswer;
import io.dashplane.provider.client.ClientConfig;
import io.dashplane.provider.client.DashboardCheck;
import io.dashplane.provider.client.DashboardWrite;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.client.PlannedObjects;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cost of plan-time validation per dashboard: N corpus dashboards (5-100 KB, distinct uids) checked by 10
 * concurrent callers, as Terraform's PlanResourceChange calls arrive with its default parallelism, against a real
 * in-process config server. Batched is what the provider does ({@link BatchedChecks}); one request per dashboard is
 * printed beside it as the reference. Median of the given number of runs.
 *
 * <pre>
 * mvn -B -q -pl tf-provider -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "tf-provider/target/test-classes:tf-provider/target/classes:$(cat tf-provider/target/bench.cp)" \
 *     io.dashplane.provider.bench.PlanValidationBenchmark [dashboards] [runs]
 * </pre>
 */
public final class PlanValidationBenchmark {
    private static final int PARALLELISM = 10;

    private PlanValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dataDir = Files.createTempDirectory("dashplane-validation-bench");
        try (ConfigServer server = ConfigServer.start(dataDir)) {
            server.write("POST", "folders", "{\"uid\":\"bench\",\"title\":\"Benchmark\"}");
            server.write("POST", "datasources", "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\"}");
            DashplaneClient client = new DashplaneClient(new ClientConfig(URI.create(server.url()), server.token(),
                    null, null, 0, Duration.ofSeconds(60)));
            List<DashboardCheck> checks = checks(client, count);
            long bytes = checks.stream().mapToLong(c -> c.write().dashboard().toString().length()).sum();
            System.out.printf("%d dashboards (%.1f MB of JSON), %d concurrent callers, %d cores, java %s%n", count,
                    bytes / 1e6, PARALLELISM, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            List<Long> batched = new ArrayList<>();
            List<Long> single = new ArrayList<>();
            long requests = 0;
            for (int run = 0; run < runs; run++) {
                BatchedChecks batcher = new BatchedChecks(client);
                batched.add(time(checks, check -> () -> batcher.check("default", check)));
                requests = batcher.requests();
                PlannedObjects none = new PlannedObjects();
                single.add(time(checks, check -> () -> client.checkDashboards("default", none, List.of(check)).get(0)));
            }
            print("batched (the provider)", batched, count, requests + " requests in the last run");
            print("one request each", single, count, count + " requests");
        }
    }

    private static List<DashboardCheck> checks(DashplaneClient client, int count) throws Exception {
        List<Path> corpus = Fixtures.corpusDashboards();
        List<DashboardCheck> checks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode dashboard = (ObjectNode) client.mapper().readTree(Fixtures.read(corpus.get(i % corpus.size())));
            dashboard.put("uid", "bench-" + i);
            dashboard.put("title", dashboard.path("title").asText("Dashboard") + " #" + i);
            checks.add(new DashboardCheck("d" + i, null, new DashboardWrite(dashboard, "bench", null, null), List.of()));
        }
        return checks;
    }

    /** Nanoseconds to answer every check with {@link #PARALLELISM} callers; fails on an invalid answer. */
    private static long time(List<DashboardCheck> checks, java.util.function.Function<DashboardCheck, Callable<CheckAnswer>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
        try {
            long t0 = System.nanoTime();
            List<Future<CheckAnswer>> answers = new ArrayList<>();
            for (DashboardCheck check : checks) {
                answers.add(pool.submit(call.apply(check)));
            }
            for (Future<CheckAnswer> answer : answers) {
                if (!answer.get().valid()) {
                    throw new IllegalStateException("a corpus dashboard was refused: " + answer.get().body());
                }
            }
            return System.nanoTime() - t0;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void print(String what, List<Long> nanos, int count, String note) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("%-24s median %7d ms  %6.2f ms per dashboard  (runs: %s; %s)%n", what, median / 1_000_000,
                median / 1e6 / count, nanos.stream().map(n -> n / 1_000_000).toList(), note);
    }
}
