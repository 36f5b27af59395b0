package io.dashplane.provider.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The real Terraform CLI (from PATH) against the packaged provider, next to a reference configuration of the same
 * size made of {@code terraform_data} resources, measured in the same run with the runs alternating (reference,
 * Dashplane, reference, ...) so that both see the same machine load.
 *
 * <p>Both configurations hold N resources whose content is the seed dashboard (with a distinct uid and title)
 * read with {@code file()}: {@code dashplane_dashboard.config_json} in one, {@code terraform_data.input} in the
 * other. The Dashplane configuration also holds the one datasource the dashboards' panels use. Figures: wall time
 * of {@code terraform apply} creating everything (from an empty state, after a destroy) and of a no-change
 * {@code terraform plan -detailed-exitcode} (which refreshes every resource), the CPU time of Terraform and
 * its provider processes together (the command's children, from /proc), the config server's CPU time (it runs
 * in this JVM), and the peak resident memory of the provider process. With a second, larger size, the no-change
 * plan is measured again at that size and compared with the first.
 *
 * <pre>
 * mvn -B -q -pl tf-provider -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "tf-provider/target/test-classes:tf-provider/target/classes:$(cat tf-provider/target/bench.cp)" \
 *     io.dashplane.provider.bench.TerraformCliBenchmark tf-provider/target/dist [dashboards=200] [runs=5] [large=0]
 * </pre>
 */
public final class TerraformCliBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What Terraform starts: the in-process provider, or a shim of the provider daemon (Java, or the bash fast path). */
    private static final List<String> SHIMS = List.of("io.dashplane.provider.shim.ShimMain", "lib/shim/session.bash");
    private static final List<String> PROVIDER_MAINS = List.of("io.dashplane.provider.plugin.PluginMain", SHIMS.get(0),
            SHIMS.get(1));
    private static final String DAEMON_MAIN = "io.dashplane.provider.daemon.ProviderDaemon";
    /** BENCH_THREADS=1 prints the provider's CPU per thread name (from /proc/<pid>/task) after each Dashplane command. */
    private static final boolean THREADS = "1".equals(System.getenv("BENCH_THREADS"));

    private TerraformCliBenchmark() {
    }

    /**
     * One command's figures: wall time, CPU of Terraform and its providers (with the provider daemon's CPU during the
     * command added), server CPU, provider peak RSS (the daemon's when it ran the sessions) and the processes
     * Terraform started for the provider.
     */
    record Figures(long wallMillis, long childCpuMillis, long providerCpuMillis, long serverCpuMillis, long providerPeakRssKb,
                   int providerStarts) {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args.length > 0 ? args[0] : "tf-provider/target/dist").toAbsolutePath();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int large = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String terraform = terraformOnPath();
        Path work = Files.createTempDirectory("dashplane-tf-bench");
        try (ConfigServer server = ConfigServer.start(work.resolve("server"))) {
            Map<String, String> env = environment(dist, work, server);
            Path reference = configuration(work.resolve("reference"), count, false);
            Path dashplane = configuration(work.resolve("dashplane"), count, true);
            System.out.println(run(terraform, List.of("version"), work, env).output().lines().findFirst().orElse(""));
            System.out.printf("%d resources (seed dashboard, %d bytes each), %d alternating runs, %d cores, load %s, java %s%n",
                    count, Files.size(reference.resolve("dashboards/d0000.json")), runs,
                    Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
            for (Path dir : List.of(reference, dashplane)) {
                check(run(terraform, List.of("init", "-input=false", "-no-color"), dir, env), "init");
            }
            List<Figures> referenceApplies = new ArrayList<>();
            List<Figures> dashplaneApplies = new ArrayList<>();
            List<Figures> referencePlans = new ArrayList<>();
            List<Figures> dashplanePlans = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                for (Path dir : List.of(reference, dashplane)) {
                    if (i > 0) {
                        check(run(terraform, List.of("destroy", "-auto-approve", "-input=false", "-no-color"), dir, env), "destroy");
                    }
                    Measured apply = measure(terraform, List.of("apply", "-auto-approve", "-input=false", "-no-color"), dir, env);
                    check(apply.result(), "apply");
                    (dir == reference ? referenceApplies : dashplaneApplies).add(apply.figures());
                }
                for (Path dir : List.of(reference, dashplane)) {
                    Measured plan = measure(terraform, List.of("plan", "-detailed-exitcode", "-input=false", "-no-color"), dir, env);
                    check(plan.result(), "no-change plan");
                    (dir == reference ? referencePlans : dashplanePlans).add(plan.figures());
                }
            }
            System.out.println();
            System.out.println("| command | terraform_data (reference) | dashplane_dashboard | ratio |");
            System.out.println("|---|---:|---:|---:|");
            row("apply creating " + count, referenceApplies, dashplaneApplies);
            row("no-change plan of " + count, referencePlans, dashplanePlans);
            System.out.println();
            detail("reference apply", referenceApplies);
            detail("dashplane apply", dashplaneApplies);
            detail("reference plan", referencePlans);
            detail("dashplane plan", dashplanePlans);
            String variants = System.getenv("BENCH_PLAN_VARIANTS");
            if (variants != null) {
                // label=JVM options|label=JVM options...: the no-change plan again with each option set, two rounds
                for (int round = 0; round < 2; round++) {
                    for (String variant : variants.split("\\|")) {
                        String label = variant.substring(0, variant.indexOf('='));
                        Map<String, String> variantEnv = new HashMap<>(env);
                        variantEnv.put("DASHPLANE_JAVA_OPTS", variant.substring(variant.indexOf('=') + 1));
                        Measured plan = measure(terraform, List.of("plan", "-detailed-exitcode", "-input=false", "-no-color"),
                                dashplane, variantEnv);
                        check(plan.result(), "no-change plan " + label);
                        detail("plan " + label, List.of(plan.figures()));
                    }
                }
            }
            if (large > 0) {
                largePlans(terraform, server, env, reference, dashplane, work, count, large, runs);
            }
        } finally {
            stopDaemon(work);
        }
    }

    /**
     * The no-change plan of {@code large} resources next to the plan of {@code count}, alternating, for Dashplane and
     * the reference, the large configurations in resource blocks of {@code count} each (a single for_each over
     * thousands of instances is quadratic in Terraform itself, see docs/performance.md). Terraform's own apply
     * rewrites the whole state file after each resource, so creating thousands through it takes many minutes; the
     * larger states are made instead from the {@code count} resources applied above: the other dashboards are
     * created through the API and their state entries are copies of an applied one with the server's uid, url and
     * version. A plan that is not empty (exit 2) or that reports changes outside Terraform fails the benchmark, so a
     * state entry that differs from what the provider reads back cannot pass unnoticed.
     */
    private static void largePlans(String terraform, ConfigServer server, Map<String, String> env, Path reference,
                                   Path dashplane, Path work, int count, int large, int runs) throws Exception {
        Path bigReference = configuration(work.resolve("reference-" + large), large, count, false);
        Path bigDashplane = configuration(work.resolve("dashplane-" + large), large, count, true);
        writeLargeState(reference, bigReference, count, large, (i, content, instance) -> {
            ObjectNode attributes = (ObjectNode) instance.path("attributes");
            attributes.put("id", java.util.UUID.randomUUID().toString());
            ((ObjectNode) attributes.path("input")).put("value", content);
            ((ObjectNode) attributes.path("output")).put("value", content);
        });
        writeLargeState(dashplane, bigDashplane, count, large, (i, content, instance) -> {
            com.fasterxml.jackson.databind.JsonNode written = server.write("POST", "dashboards",
                    Map.of("dashboard", MAPPER.readTree(content)));
            String uid = String.format("bench-%04d", i);
            ObjectNode attributes = (ObjectNode) instance.path("attributes");
            attributes.put("config_json", content);
            attributes.put("uid", uid);
            attributes.put("id", "default/" + uid);
            attributes.put("url", written.path("url").asText());
            attributes.put("version", written.path("version").asLong());
        });
        Map<Path, List<Figures>> plans = new java.util.LinkedHashMap<>();
        for (Path dir : List.of(reference, dashplane, bigReference, bigDashplane)) {
            if (dir == bigReference || dir == bigDashplane) {
                check(run(terraform, List.of("init", "-input=false", "-no-color"), dir, env), "init");
            }
            plans.put(dir, new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (Path dir : plans.keySet()) {
                Measured plan = measure(terraform, List.of("plan", "-detailed-exitcode", "-input=false", "-no-color"), dir, env);
                check(plan.result(), "no-change plan in " + dir.getFileName());
                if (plan.result().output().contains("changed outside of Terraform")) {
                    throw new IllegalStateException("the plan in " + dir.getFileName()
                            + " found changes outside Terraform:\n" + plan.result().output());
                }
                plans.get(dir).add(plan.figures());
            }
        }
        System.out.println();
        System.out.printf("no-change plans, alternating, the %d in blocks of %d:%n", large, count);
        plans.forEach((dir, figures) -> detail("plan " + dir.getFileName(), figures));
        System.out.println();
        System.out.printf("| no-change plan (median wall) | %d | %d | %d / %d |%n", count, large, large, count);
        System.out.println("|---|---:|---:|---:|");
        for (Path[] pair : List.of(new Path[] {reference, bigReference}, new Path[] {dashplane, bigDashplane})) {
            long small = median(plans.get(pair[0]), Figures::wallMillis);
            long big = median(plans.get(pair[1]), Figures::wallMillis);
            System.out.printf("| %s | %d ms | %d ms | %.1fx |%n", pair[0] == reference ? "terraform_data" : "dashplane_dashboard",
                    small, big, (double) big / small);
        }
        System.out.printf("provider (with the daemon: daemon) CPU in the plan of %d: %d ms, of %d: %d ms (%.1fx); "
                        + "peak RSS in the plan of %d: %d MB%n",
                count, median(plans.get(dashplane), Figures::providerCpuMillis), large,
                median(plans.get(bigDashplane), Figures::providerCpuMillis),
                (double) median(plans.get(bigDashplane), Figures::providerCpuMillis)
                        / Math.max(1, median(plans.get(dashplane), Figures::providerCpuMillis)),
                large, plans.get(bigDashplane).stream().mapToLong(Figures::providerPeakRssKb).max().orElse(0) / 1024);
    }

    /** Fills in one state entry made from an applied one: index {@code i}, its file's content. */
    private interface StateEntry {
        void fill(int i, String content, ObjectNode instance) throws Exception;
    }

    /** The state of {@code large} resources in blocks of {@code count}, made from the applied state in {@code applied}. */
    private static void writeLargeState(Path applied, Path big, int count, int large, StateEntry entry) throws Exception {
        ObjectNode state = (ObjectNode) MAPPER.readTree(applied.resolve("terraform.tfstate").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode resources = MAPPER.createArrayNode();
        ObjectNode block = null;
        for (com.fasterxml.jackson.databind.JsonNode resource : state.path("resources")) {
            if (resource.path("name").asText().equals("bench")) {
                block = (ObjectNode) resource;
            } else {
                resources.add(resource);
            }
        }
        if (block == null || block.path("instances").size() != count) {
            throw new IllegalStateException("the applied state in " + applied + " holds no " + count + " resources");
        }
        Map<String, com.fasterxml.jackson.databind.JsonNode> applies = new HashMap<>();
        block.path("instances").forEach(instance -> applies.put(instance.path("index_key").asText(), instance));
        for (int first = 0; first < large; first += count) {
            ObjectNode resource = block.deepCopy();
            resource.put("name", "bench" + first / count);
            com.fasterxml.jackson.databind.node.ArrayNode instances = resource.putArray("instances");
            for (int i = first; i < Math.min(large, first + count); i++) {
                String file = String.format("d%04d.json", i);
                if (applies.containsKey(file)) {
                    instances.add(applies.get(file).deepCopy());
                    continue;
                }
                ObjectNode instance = (ObjectNode) applies.get("d0000.json").deepCopy();
                instance.put("index_key", file);
                entry.fill(i, Files.readString(big.resolve("dashboards").resolve(file)), instance);
                instances.add(instance);
            }
            resources.add(resource);
        }
        state.set("resources", resources);
        state.put("serial", state.path("serial").asLong() + 1);
        MAPPER.writeValue(big.resolve("terraform.tfstate").toFile(), state);
    }

    /** The benchmark's own provider daemon (its private directory is under the work directory) stops with it. */
    private static void stopDaemon(Path work) {
        try {
            // the installed launcher: a daemon's identity is the lib directory it runs from
            Path launcher;
            try (Stream<Path> files = Files.walk(work.resolve("mirror"))) {
                launcher = files.filter(f -> f.getFileName().toString().startsWith("terraform-provider-dashplane_"))
                        .findFirst().orElseThrow();
            }
            run(launcher.toString(), List.of("daemon", "stop"), work,
                    Map.of("XDG_RUNTIME_DIR", work.resolve("run").toString()));
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping the provider daemon: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void row(String what, List<Figures> reference, List<Figures> dashplane) {
        long ref = median(reference, Figures::wallMillis);
        long dp = median(dashplane, Figures::wallMillis);
        System.out.printf("| %s (median wall) | %d ms | %d ms | %.1fx |%n", what, ref, dp, (double) dp / ref);
    }

    private static void detail(String what, List<Figures> figures) {
        System.out.printf("%-28s wall %s ms; CPU medians: terraform+provider %d ms, provider %d ms, server %d ms; provider peak RSS %d MB; provider starts %s%n",
                what, figures.stream().map(Figures::wallMillis).toList(), median(figures, Figures::childCpuMillis),
                median(figures, Figures::providerCpuMillis),
                median(figures, Figures::serverCpuMillis),
                figures.stream().mapToLong(Figures::providerPeakRssKb).max().orElse(0) / 1024,
                figures.stream().map(Figures::providerStarts).toList());
    }

    private static long median(List<Figures> figures, java.util.function.ToLongFunction<Figures> field) {
        List<Long> values = new ArrayList<>(figures.stream().map(field::applyAsLong).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    /** A configuration directory: the provider block (Dashplane only) and {@code count} resources from files. */
    static Path configuration(Path dir, int count, boolean dashplane) throws IOException {
        return configuration(dir, count, count, dashplane);
    }

    /**
     * {@code count} resources in resource blocks of {@code perBlock} each: one block "bench" with a for_each over
     * the files when they are equal, else blocks "bench0", "bench1", ... each over its own range of files.
     */
    static Path configuration(Path dir, int count, int perBlock, boolean dashplane) throws IOException {
        Path dashboards = dir.resolve("dashboards");
        Files.createDirectories(dashboards);
        Path seed = Fixtures.corpusDashboards().stream()
                .filter(f -> f.getFileName().toString().equals("seed-ml-model-monitoring.json")).findFirst().orElseThrow();
        ObjectNode template = (ObjectNode) MAPPER.readTree(seed.toFile());
        for (int i = 0; i < count; i++) {
            ObjectNode dashboard = template.deepCopy();
            dashboard.put("uid", String.format("bench-%04d", i));
            dashboard.put("title", template.path("title").asText() + " #" + i);
            Files.writeString(dashboards.resolve(String.format("d%04d.json", i)),
                    MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(dashboard));
        }
        StringBuilder tf = new StringBuilder();
        if (dashplane) {
            tf.append(Fixtures.PROVIDER_CONFIGURATION).append("""
                    resource "dashplane_datasource" "prometheus" {
                      uid  = "Prometheus"
                      name = "Prometheus"
                      type = "prometheus"
                      url  = "http://prometheus:9090"
                    }
                    """);
        }
        for (int first = 0; first < count; first += perBlock) {
            String name = perBlock == count ? "bench" : "bench" + first / perBlock;
            String each = perBlock == count ? "fileset(\"${path.module}/dashboards\", \"*.json\")"
                    : String.format("toset([for i in range(%d, %d) : format(\"d%%04d.json\", i)])", first,
                    Math.min(count, first + perBlock));
            tf.append(dashplane ? """

                    resource "dashplane_dashboard" "%s" {
                      for_each    = %s
                      config_json = file("${path.module}/dashboards/${each.value}")
                      depends_on  = [dashplane_datasource.prometheus]
                    }
                    """.formatted(name, each) : """

                    resource "terraform_data" "%s" {
                      for_each = %s
                      input    = file("${path.module}/dashboards/${each.value}")
                    }
                    """.formatted(name, each));
        }
        Files.writeString(dir.resolve("main.tf"), tf.toString());
        return dir;
    }

    private static Map<String, String> environment(Path dist, Path work, ConfigServer server) throws Exception {
        Path mirror = work.resolve("mirror");
        check(run(dist.resolve("install-mirror.sh").toString(), List.of(mirror.toString()), work, Map.of()), "install-mirror.sh");
        Path cliConfig = work.resolve("terraform.rc");
        Files.writeString(cliConfig, "provider_installation {\n  filesystem_mirror {\n    path    = \"" + mirror
                + "\"\n    include = [\"registry.terraform.io/dashplane/dashplane\"]\n  }\n  direct {\n"
                + "    exclude = [\"registry.terraform.io/dashplane/dashplane\"]\n  }\n}\n");
        Map<String, String> env = new HashMap<>();
        env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("TF_VAR_dashplane_url", server.url());
        env.put("DASHPLANE_TOKEN", server.token());
        env.put("DASHPLANE_ENVIRONMENT", "default");
        // with the provider daemon on: a daemon of this benchmark's own, stopped at its end
        Path run = work.resolve("run");
        Files.createDirectories(run);
        Files.setPosixFilePermissions(run, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        env.put("XDG_RUNTIME_DIR", run.toString());
        String extra = System.getenv("BENCH_DASHPLANE_JAVA_OPTS");
        if (extra != null) {
            env.put("DASHPLANE_JAVA_OPTS", extra);
        }
        return env;
    }

    record Result(int exit, String output, long childCpuMillis) {
    }

    record Measured(Result result, Figures figures) {
    }

    private static Measured measure(String terraform, List<String> args, Path dir, Map<String, String> env) throws Exception {
        RssSampler[] sampler = new RssSampler[1];
        Thread[] thread = new Thread[1];
        Map<Long, Long> daemonTicks0 = new HashMap<>();
        daemons().forEach(daemon -> {
            daemonTicks0.put(daemon.pid(), RssSampler.ticks(daemon.pid()));
            RssSampler.resetPeak(daemon.pid());
        });
        long serverCpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Result result = run(terraform, args, dir, env, process -> {
            sampler[0] = new RssSampler(process.toHandle(), List.copyOf(daemonTicks0.keySet()));
            thread[0] = new Thread(sampler[0], "rss-sampler");
            thread[0].setDaemon(true);
            thread[0].start();
        });
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long serverCpu = (processCpuNanos() - serverCpu0) / 1_000_000;
        sampler[0].stop = true;
        thread[0].join();
        // the daemon is not Terraform's child: its CPU during the command counts as the provider's
        long daemonMillis = sampler[0].shims.get() == 0 ? 0 : daemons().mapToLong(d -> RssSampler.ticks(d.pid()) - daemonTicks0.getOrDefault(d.pid(), 0L))
                .sum() * 10;
        if (THREADS && !sampler[0].threadTicks.isEmpty()) {
            Map<String, Long> byName = new java.util.TreeMap<>();
            sampler[0].threadTicks.forEach((key, ticks) -> byName.merge(key.substring(key.lastIndexOf('/') + 1), ticks * 10, Long::sum));
            System.out.println(args.get(0) + " provider CPU ms by thread: " + byName);
        }
        return new Measured(result, new Figures(wall, result.childCpuMillis() + daemonMillis,
                sampler[0].cpuMillis() + daemonMillis, serverCpu, sampler[0].peakKb.get(), sampler[0].cpuTicks.size()));
    }

    private static Stream<ProcessHandle> daemons() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(DAEMON_MAIN)).orElse(false));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Runs the command under a shell that prints, after the command ended, the CPU time of its waited-for
     * children (fields 16 and 17 of /proc/self/stat, in clock ticks): Terraform and the providers it started.
     */
    static Result run(String command, List<String> args, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        return run(command, args, dir, env, process -> { });
    }

    private static Result run(String command, List<String> args, Path dir, Map<String, String> env,
                              java.util.function.Consumer<Process> started) throws IOException, InterruptedException {
        Path cpuFile = Files.createTempFile("bench-cpu", ".txt");
        List<String> line = new ArrayList<>(List.of("sh", "-c", "\"$@\"; rc=$?; cat /proc/$$/stat > " + cpuFile + "; exit $rc",
                "sh", command));
        line.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        started.accept(process);
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String stat = Files.readString(cpuFile);
        Files.delete(cpuFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after ") ": field 3 (state) is index 0, so cutime (16) and cstime (17) are indexes 13 and 14
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return new Result(exit, output, ticks * 10);
    }

    private static void check(Result result, String what) {
        if (result.exit() != 0) {
            throw new IllegalStateException(what + " failed (exit " + result.exit() + "):\n" + result.output());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String terraformOnPath() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, "terraform"))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("no terraform on PATH"));
    }

    /** Polls the command's descendants every 100 ms for provider processes, keeping the highest VmHWM seen. */
    private static final class RssSampler implements Runnable {
        private final ProcessHandle command;
        final AtomicLong peakKb = new AtomicLong();
        /** Shims of the provider daemon seen: the daemon's memory and CPU then count as the provider's. */
        final AtomicLong shims = new AtomicLong();
        volatile List<Long> daemonPids;
        private long lastDaemonScan;
        /** Last seen user+system clock ticks per provider process (the last 100 ms of each are missed). */
        final Map<Long, Long> cpuTicks = new java.util.concurrent.ConcurrentHashMap<>();
        /** With BENCH_THREADS=1: last seen ticks per pid/tid/thread name. */
        final Map<String, Long> threadTicks = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean stop;

        RssSampler(ProcessHandle command, List<Long> daemonPids) {
            this.command = command;
            this.daemonPids = daemonPids;
        }

        @Override
        public void run() {
            while (!stop) {
                command.descendants()
                        .filter(p -> p.info().commandLine().map(c -> PROVIDER_MAINS.stream().anyMatch(c::contains)).orElse(false))
                        .forEach(this::sample);
                if (shims.get() > 0) {
                    // walking every process is costly (the sampler runs in the server's JVM): once a second until found
                    if (daemonPids.isEmpty() && System.nanoTime() - lastDaemonScan > 1_000_000_000L) {
                        lastDaemonScan = System.nanoTime();
                        daemonPids = daemons().map(ProcessHandle::pid).toList();
                    }
                    daemonPids.forEach(this::peak);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long cpuMillis() {
            return cpuTicks.values().stream().mapToLong(Long::longValue).sum() * 10;
        }

        private void sample(ProcessHandle process) {
            if (!cpuTicks.containsKey(process.pid())
                    && process.info().commandLine().map(c -> SHIMS.stream().anyMatch(c::contains)).orElse(false)) {
                shims.incrementAndGet();
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpuTicks.put(process.pid(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                if (THREADS) {
                    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                        for (Path task : tasks.toList()) {
                            String t = Files.readString(task.resolve("stat"));
                            String name = t.substring(t.indexOf('(') + 1, t.lastIndexOf(')')).replaceAll("[0-9-]+$", "");
                            String[] f = t.substring(t.lastIndexOf(')') + 2).split(" ");
                            threadTicks.put(process.pid() + "/" + task.getFileName() + "/" + name,
                                    Long.parseLong(f[11]) + Long.parseLong(f[12]));
                        }
                    }
                }
                peak(process.pid());
            } catch (IOException | RuntimeException e) {
                // the process ended while being read
            }
        }

        private void peak(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb.accumulateAndGet(Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended while being read
            }
        }

        /** User+system clock ticks of a process, 0 when it is gone. */
        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Resets the peak resident size (VmHWM) of a long-lived process such as the daemon (Linux clear_refs 5). */
        static void resetPeak(long pid) {
            try {
                Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            } catch (IOException | RuntimeException e) {
                // not ours or gone: its peak then covers earlier commands too
            }
        }
    }
}
