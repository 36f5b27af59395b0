package io.dashplane.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.DashplaneServer;
import io.dashplane.server.RunningServer;
import io.dashplane.server.Services;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.testdb.TestBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Throughput and latency of the config server: create, get and search with N concurrent HTTP clients
 * over the corpus dashboards, and as baselines the same inserts in-process through the service layer
 * and through the repository layer. Not a test; run it with the {@code bench} Maven profile (see
 * docs/performance.md). Settings: {@code -Dbench.clients=16 -Dbench.ops=4000 -Dbench.warmup=800
 * -Dbench.maxSeconds=120}; {@code -Dbench.backend=postgres} runs it on a throw-away PostgreSQL instead of SQLite.
 */
public final class ServerBenchmark {
    /** The server admin of ephemeral servers (every request is authenticated). */
    private static final String AUTH = "Bearer " + ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN;

    private static final String ENV = "default";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Process CPU time (client and server share this JVM) and the machine's 1-minute load average. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final int clients = Integer.getInteger("bench.clients", 16);
    private final int ops = Integer.getInteger("bench.ops", 4000);
    private final int warmup = Integer.getInteger("bench.warmup", 800);
    private final Duration maxTime = Duration.ofSeconds(Integer.getInteger("bench.maxSeconds", 120));
    private final List<ObjectNode> corpus;
    private final AtomicInteger uidCounter = new AtomicInteger();

    private ServerBenchmark(List<ObjectNode> corpus) {
        this.corpus = corpus;
    }

    public static void main(String[] args) throws Exception {
        List<ObjectNode> corpus = loadCorpus(corpusDir());
        new ServerBenchmark(corpus).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Dashplane server benchmark: %d clients, %d operations per phase (+%d warm-up),"
                + " %d corpus dashboards, at most %ds per phase%n", clients, ops, warmup, corpus.size(), maxTime.toSeconds());
        System.out.printf(Locale.ROOT, "backend: %s%n", TestBackend.postgres() ? "PostgreSQL 15 (throw-away server, fsync "
                + (io.dashplane.server.testdb.ThrowawayPostgres.durable() ? "on" : "off") + ")"
                : "SQLite (WAL, synchronous=FULL)");
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, load average %.1f at start%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, OS.getSystemLoadAverage());
        List<Result> results = new ArrayList<>();

        Path httpDir = Files.createTempDirectory("dashplane-bench-http");
        try (RunningServer server = DashplaneServer.start(TestBackend.ephemeral(httpDir))) {
            createPrometheus(server.services());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(clients)).build();
            URI dashboards = server.baseUri().resolve("api/v1/environments/" + ENV + "/dashboards");
            List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
            results.add(measure("HTTP create (POST)", () -> {
                ObjectNode d = nextDashboard();
                String body = JSON.writeValueAsString(JSON.createObjectNode().set("dashboard", d));
                expect(201, client.send(HttpRequest.newBuilder(dashboards).header("Content-Type", "application/json").header("Authorization", AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
                created.add(d.get("uid").asText());
            }));
            List<String> uids = List.copyOf(created);
            AtomicInteger next = new AtomicInteger();
            results.add(measure("HTTP get", () -> {
                String uid = uids.get(Math.floorMod(next.getAndIncrement() * 7919, uids.size()));
                expect(200, client.send(HttpRequest.newBuilder(URI.create(dashboards + "/" + uid)).header("Authorization", AUTH).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }));
            List<String> queries = searchQueries();
            results.add(measure("HTTP search (title substring / tag, 1st page)", () -> {
                String q = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
                expect(200, client.send(HttpRequest.newBuilder(URI.create(dashboards + "?" + q)).header("Authorization", AUTH).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }));
            System.out.printf(Locale.ROOT, "(HTTP store holds %d dashboards)%n", uids.size());
        }

        Path serviceDir = Files.createTempDirectory("dashplane-bench-service");
        try (Services services = Services.open(serviceDir, null, TestBackend.database(serviceDir))) {
            createPrometheus(services);
            DashboardService dashboards = services.dashboards();
            results.add(measure("in-process create (service layer)", () ->
                    dashboards.create(ENV, DashboardWrite.of(nextDashboard()), false)));
            List<String> queries = searchQueries();
            AtomicInteger next = new AtomicInteger();
            results.add(measure("in-process search (service layer)", () -> {
                String q = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
                DashboardQuery query = q.startsWith("tag=")
                        ? new DashboardQuery(null, List.of(java.net.URLDecoder.decode(q.substring(4), StandardCharsets.UTF_8)), null)
                        : new DashboardQuery(java.net.URLDecoder.decode(q.substring(6), StandardCharsets.UTF_8), List.of(), null);
                dashboards.search(ENV, query, PageRequest.first());
            }));
        }

        Path repoDir = Files.createTempDirectory("dashplane-bench-repository");
        try (Services services = Services.open(repoDir, null, TestBackend.database(repoDir))) {
            results.add(measure("in-process insert (repository layer)", () -> {
                ObjectNode d = nextDashboard();
                String json = JSON.writeValueAsString(d);
                String now = Timestamps.now();
                List<String> tags = new ArrayList<>();
                d.path("tags").forEach(t -> tags.add(t.asText()));
                services.database().write(tx -> {
                    long id = services.dashboardRepository().nextId(tx);
                    services.dashboardRepository().insert(tx, ENV, new StoredDashboard(d.get("uid").asText(), id,
                            d.get("title").asText(), null, tags.stream().distinct().toList(), 1, "", "api", json, now, now));
                    return null;
                });
            }));
        }

        System.out.println();
        System.out.println("| Operation | ops | throughput (ops/s) | p50 (ms) | p99 (ms) | max (ms) | CPU ms/op | load |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.println(r.row());
        }
        Result http = find(results, "HTTP create");
        Result service = find(results, "in-process create");
        Result repo = find(results, "in-process insert");
        System.out.println();
        System.out.printf(Locale.ROOT, "create throughput ratio HTTP / in-process repository: %.2f%n",
                http.throughput() / repo.throughput());
        System.out.printf(Locale.ROOT, "create throughput ratio HTTP / in-process service:    %.2f%n",
                http.throughput() / service.throughput());
        System.out.printf(Locale.ROOT, "create p50 latency ratio HTTP / repository: %.1f, HTTP / service: %.1f%n",
                http.p50() / repo.p50(), http.p50() / service.p50());
        System.out.printf(Locale.ROOT, "create CPU per operation ratio HTTP / repository: %.1f, HTTP / service: %.1f"
                + " (robust when other processes load the machine)%n",
                http.cpuMsPerOp() / repo.cpuMsPerOp(), http.cpuMsPerOp() / service.cpuMsPerOp());
        for (Path dir : List.of(httpDir, serviceDir, repoDir)) {
            deleteRecursively(dir);
        }
        System.exit(0);
    }

    private interface Operation {
        void run() throws Exception;
    }

    private record Result(String name, long count, double seconds, Histogram histogram, double cpuMsPerOp,
                          double loadAverage) {
        double throughput() {
            return count / seconds;
        }

        double p50() {
            return histogram.getValueAtPercentile(50) / 1000.0;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f |", name, count,
                    throughput(), p50(), histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0,
                    cpuMsPerOp, loadAverage);
        }
    }

    /** Warm-up, then {@code ops} operations spread over {@code clients} threads; latencies in microseconds. */
    private Result measure(String name, Operation op) throws Exception {
        runPhase(op, warmup, null);
        Histogram histogram = new Histogram(60_000_000L, 3);
        long cpuStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        int done = runPhase(op, ops, histogram);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMsPerOp = (OS.getProcessCpuTime() - cpuStart) / 1e6 / Math.max(1, done);
        Result r = new Result(name, done, seconds, histogram, cpuMsPerOp, OS.getSystemLoadAverage());
        System.out.println(r.row());
        return r;
    }

    private int runPhase(Operation op, int count, Histogram histogram) throws Exception {
        AtomicInteger remaining = new AtomicInteger(count);
        long deadline = System.nanoTime() + maxTime.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Histogram>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    Histogram local = new Histogram(60_000_000L, 3);
                    while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        op.run();
                        local.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    }
                    return local;
                }));
            }
            int total = 0;
            for (Future<Histogram> f : futures) {
                Histogram local = f.get();
                total += (int) local.getTotalCount();
                if (histogram != null) {
                    histogram.add(local);
                }
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A corpus dashboard (round robin) with a unique uid and title, as each create needs. */
    private ObjectNode nextDashboard() {
        int n = uidCounter.incrementAndGet();
        ObjectNode d = corpus.get(n % corpus.size()).deepCopy();
        d.put("uid", "bench-" + n);
        d.put("title", d.path("title").asText("Dashboard") + " #" + n);
        return d;
    }

    /** Title substrings of the corpus (each matches many stored copies) and its tags. */
    private List<String> searchQueries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode d : corpus) {
            String title = d.path("title").asText();
            String word = title.length() > 6 ? title.substring(0, 6) : title;
            queries.add("query=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            d.path("tags").forEach(t -> queries.add("tag=" + URLEncoder.encode(t.asText(), StandardCharsets.UTF_8)));
        }
        return queries;
    }

    /** The seed dashboard refers to a Prometheus datasource with uid "Prometheus". */
    private static void createPrometheus(Services services) throws IOException {
        var request = JSON.readValue("{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\","
                + "\"url\":\"http://prometheus:9090\",\"isDefault\":true}", io.dashplane.server.datasource.DatasourceRequest.class);
        services.datasources().create(ENV, request);
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static Result find(List<Result> results, String prefix) {
        return results.stream().filter(r -> r.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    static List<ObjectNode> loadCorpus(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<ObjectNode> corpus = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                corpus.add((ObjectNode) JSON.readTree(file.toFile()));
            }
            return corpus;
        }
    }

    /** ../shared/corpus/dashboards relative to the repository root (searched upwards from the working directory). */
    static Path corpusDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/corpus/dashboards").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("corpus directory ../shared/corpus/dashboards not found");
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
