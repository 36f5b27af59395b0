package io.dashplane.provider.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Diag;
import io.dashplane.provider.harness.Fixtures;
import io.dashplane.provider.harness.TerraformCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Plan time for N dashboards (default 200) through the harness: the built executable started as Terraform
 * starts it, a real config server in-process, Terraform's parallelism of 10. The dashboards are the corpus
 * dashboards (5-100 KB each) repeated with distinct uids. Prints the create plan, the apply, and the
 * no-change plan after apply (refresh of every dashboard + plan), median of the given number of runs.
 * Each time includes the process start, schema, validation and configure of that phase, as in Terraform.
 *
 * <pre>
 * mvn -B -q -pl tf-provider -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "tf-provider/target/test-classes:tf-provider/target/classes:$(cat tf-provider/target/bench.cp)" \
 *     io.dashplane.provider.bench.PlanBenchmark tf-provider/target/dist [dashboards] [runs] [protocol]
 * </pre>
 */
public final class PlanBenchmark {
    private PlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args.length > 0 ? args[0] : "tf-provider/target/dist").toAbsolutePath();
        int dashboards = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int protocol = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        Path executable = dist.resolve("terraform-provider-dashplane");
        if (!Files.isExecutable(executable)) {
            throw new IllegalArgumentException("no executable at " + executable + "; run the package build first");
        }
        Path dataDir = Files.createTempDirectory("dashplane-plan-bench");
        try (ConfigServer server = ConfigServer.start(dataDir)) {
            Configuration config = configuration(server, dashboards);
            long bytes = config.resources().stream().mapToLong(r -> String.valueOf(r.attributes().get("config_json")).length()).sum();
            System.out.printf("%d dashboards (%.1f MB of JSON), protocol %d, parallelism 10, %d cores, java %s%n",
                    dashboards, bytes / 1e6, protocol, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            List<Long> createPlans = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                TerraformCore fresh = new TerraformCore(executable, protocol);
                long t0 = System.nanoTime();
                TerraformCore.Plan plan = fresh.plan(config);
                createPlans.add(System.nanoTime() - t0);
                check(plan.diagnostics());
            }
            TerraformCore core = new TerraformCore(executable, protocol);
            TerraformCore.Plan plan = core.plan(config);
            check(plan.diagnostics());
            long t0 = System.nanoTime();
            check(core.apply(config, plan).diagnostics());
            long applyNanos = System.nanoTime() - t0;
            List<Long> noChangePlans = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t1 = System.nanoTime();
                TerraformCore.Plan again = core.plan(config);
                noChangePlans.add(System.nanoTime() - t1);
                check(again.diagnostics());
                if (again.hasChanges()) {
                    throw new IllegalStateException("the plan after apply has changes: " + again);
                }
            }
            System.out.printf("plan (create)           median %6d ms  (runs: %s)%n", median(createPlans), millis(createPlans));
            System.out.printf("apply (create)                 %6d ms%n", applyNanos / 1_000_000);
            System.out.printf("plan after apply (none) median %6d ms  (runs: %s)%n", median(noChangePlans), millis(noChangePlans));
            check(core.destroy(config).diagnostics());
        }
    }

    static Configuration configuration(ConfigServer server, int count) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Path> corpus = Fixtures.corpusDashboards();
        Configuration config = Configuration.provider(server.providerConfig())
                .with("dashplane_folder.bench", Map.of("uid", "bench", "title", "Benchmark"))
                .with("dashplane_datasource.prometheus", Map.of("uid", "Prometheus", "name", "Prometheus",
                        "type", "prometheus", "url", "http://prometheus:9090"));
        for (int i = 0; i < count; i++) {
            ObjectNode dashboard = (ObjectNode) mapper.readTree(Fixtures.read(corpus.get(i % corpus.size())));
            dashboard.put("uid", "bench-" + i);
            dashboard.put("title", dashboard.path("title").asText("Dashboard") + " #" + i);
            config = config.with("dashplane_dashboard.d" + i, Map.of("config_json", mapper.writeValueAsString(dashboard),
                    "folder", "bench"));
        }
        return config;
    }

    private static void check(List<Diag> diagnostics) {
        if (Diag.hasErrors(diagnostics)) {
            throw new IllegalStateException("errors: " + diagnostics);
        }
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }

    private static List<Long> millis(List<Long> nanos) {
        return nanos.stream().map(n -> n / 1_000_000).toList();
    }
}
