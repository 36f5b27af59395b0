package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashplane render}, run through the real CLI entry point against a real server: the tree it writes is read
 * back by Dashplane's own provisioning loader (a second server) and by {@code dashplane validate}.
 */
class RenderCommandTest extends ServerTestSupport {
    private static final String PROD = "/api/v1/environments/prod";
    private static final String TOKEN = ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN;
    private static final String DS_SECRET = "pa$word-with-$dollars";
    private static final String SLACK_URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    private static final String PAGERDUTY_KEY = "00000000000000000000000000000000";

    @TempDir
    Path work;

    private static void ok(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
    }

    /** prod: a datasource with a secret, root and nested folders, the corpus dashboards spread over them, alerting. */
    private List<String> seedProd() throws IOException {
        ok(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}"));
        ok(201, api.post(PROD + "/datasources", """
                {"uid":"Prometheus","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090",
                 "basicAuth":true,"basicAuthUser":"grafana","jsonData":{"httpMethod":"POST","customQueryParameters":"step=$step"},
                 "secureJsonData":{"basicAuthPassword":"%s"}}""".formatted(DS_SECRET)));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"ml\",\"title\":\"Machine learning\"}"));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"ml-drift\",\"title\":\"Drift\",\"parentUid\":\"ml\"}"));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"k8s\",\"title\":\"Kubernetes\"}"));
        String[] folders = {null, "ml", "ml-drift", "k8s"};
        List<String> uids = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpusDir())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < files.size(); i++) {
                String folder = folders[i % folders.length];
                Api.Reply created = api.post(PROD + "/dashboards", "{\"dashboard\":" + read(files.get(i))
                        + (folder == null ? "" : ",\"folderUid\":\"" + folder + "\"") + "}");
                ok(201, created);
                uids.add(created.json().path("uid").asText());
            }
        }
        ok(200, api.send(HttpRequest.newBuilder(api.uri(PROD + "/alerting/import"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(AlertingTestSupport.readExample("ml-alerting.yaml")))));
        return uids;
    }

    private CliRun render(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("render", "--server", server.baseUri().toString(), "--env", "prod",
                "--out", out.toString(), "--token", TOKEN, "--grafana-path", out.toAbsolutePath().toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The variables secrets.env.example lists, with the secret values the source holds. */
    private static Map<String, String> secretValues(Path out) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : read(out.resolve("secrets.env.example")).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.substring(0, line.indexOf('='));
            if (name.startsWith("DASHPLANE_DS_PROMETHEUS_")) {
                values.put(name, DS_SECRET);
            } else if (name.contains("ML_SLACK_WEBHOOK")) {
                values.put(name, SLACK_URL);
            } else if (name.contains("ML_PAGERDUTY_ONCALL")) {
                values.put(name, PAGERDUTY_KEY);
            } else {
                fail("unexpected variable " + name);
            }
        }
        return values;
    }

    @Test
    void aRenderedTreeLoadsIntoAFreshServerAndValidatesWithIdenticalContent() throws Exception {
        List<String> dashboards = seedProd();
        Path out = work.resolve("provisioning");
        CliRun run = render(out);
        assertEquals(0, run.exitCode(), run.toString());

        // Grafana's layout: one provider per folder plus the root, the JSON files in the folders' directories
        assertTrue(Files.isRegularFile(out.resolve("datasources/dashplane.yaml")));
        assertTrue(Files.isRegularFile(out.resolve("alerting/dashplane.yaml")));
        String providers = read(out.resolve("dashboards/dashplane.yaml"));
        for (String folder : List.of("ml", "ml-drift", "k8s")) {
            assertTrue(providers.contains("folderUid: \"" + folder + "\""), providers);
            assertTrue(providers.contains("path: \"" + out.toAbsolutePath() + "/dashboards/" + folder + "\""), providers);
        }
        assertTrue(providers.contains("path: \"" + out.toAbsolutePath() + "/dashboards/general\""), providers);
        // secrets are references, never values
        String datasources = read(out.resolve("datasources/dashplane.yaml"));
        String alerting = read(out.resolve("alerting/dashplane.yaml"));
        assertTrue(datasources.contains("${DASHPLANE_DS_PROMETHEUS_BASICAUTHPASSWORD}"), datasources);
        assertFalse(datasources.contains("with-$dollars") || datasources.contains("with-$$dollars"), datasources);
        assertFalse(alerting.contains(SLACK_URL) || alerting.contains(PAGERDUTY_KEY), alerting);
        assertTrue(alerting.contains("${DASHPLANE_CP_ML_SLACK_WEBHOOK_URL}"), alerting);
        Map<String, String> secrets = secretValues(out);
        assertEquals(3, secrets.size(), secrets.toString());

        // dashplane validate accepts the tree
        List<String> validate = new ArrayList<>(List.of("validate"));
        secrets.forEach((k, v) -> validate.addAll(List.of("-e", k + "=" + v)));
        validate.add(out.toString());
        CliRun validated = CliRun.of(validate.toArray(String[]::new));
        assertEquals(0, validated.exitCode(), validated.toString());

        // Dashplane's provisioning loader reads it into a fresh server with the same content
        try (RunningServer target = DashplaneServer.start(
                ServerConfig.ephemeral(work.resolve("target-data")).withProvisioningDir(out), secrets)) {
            Api other = new Api(target.baseUri());
            String t = "/api/v1/environments/default";

            assertEquals(datasourceView(api.get(PROD + "/datasources").json()), datasourceView(other.get(t + "/datasources").json()));
            assertEquals(server.services().datasources().decryptSecrets("prod", "Prometheus"),
                    target.services().datasources().decryptSecrets("default", "Prometheus"));
            assertEquals(Map.of("basicAuthPassword", DS_SECRET), target.services().datasources().decryptSecrets("default", "Prometheus"));

            // folders keep uid and title; Grafana's file providers have no parent, so every folder arrives at the root
            assertEquals(folderTitles(api.get(PROD + "/folders").json()), folderTitles(other.get(t + "/folders").json()));
            other.get(t + "/folders").json().path("items")
                    .forEach(f -> assertTrue(f.path("parentUid").isNull() || f.path("parentUid").isMissingNode(), f.toString()));

            for (String uid : dashboards) {
                JsonNode source = Json.mapper().readTree(api.get(PROD + "/dashboards/" + uid).body());
                Api.Reply loaded = other.get(t + "/dashboards/" + uid);
                ok(200, loaded);
                JsonNode back = Json.mapper().readTree(loaded.body());
                assertEquals(source.path("dashboard"), back.path("dashboard"), uid);
                assertEquals(source.path("meta").path("folderUid"), back.path("meta").path("folderUid"), uid);
                String dir = source.path("meta").path("folderUid").asText("").isEmpty() ? "general"
                        : source.path("meta").path("folderUid").asText();
                assertEquals(source.path("dashboard"), Json.mapper().readTree(read(out.resolve("dashboards/" + dir + "/" + uid + ".json"))));
            }
            assertEquals(dashboards.size(), other.get(t + "/dashboards").json().path("total").asInt());

            assertEquals(Json.mapper().readTree(api.get(PROD + "/alerting/export?format=json&decrypt=true").body()),
                    Json.mapper().readTree(other.get(t + "/alerting/export?format=json&decrypt=true").body()));
        }
    }

    @Test
    void alertingObjectsDeletedOnTheServerBecomeDeleteFormsThatDeleteThemWhereTheTreeWasLoaded() throws Exception {
        seedProd();
        Path out = work.resolve("alerting");
        assertEquals(0, render(out).exitCode());
        try (RunningServer target = DashplaneServer.start(
                ServerConfig.ephemeral(work.resolve("target-data")).withProvisioningDir(out), secretValues(out))) {
            Api other = new Api(target.baseUri());
            String t = "/api/v1/environments/default";
            ok(200, other.get(t + "/alert-rules/ml-p99-latency-high"));

            ok(204, api.delete(PROD + "/alert-rules/ml-p99-latency-high"));
            ok(204, api.delete(PROD + "/notification-policy"));
            CliRun again = render(out);
            assertEquals(0, again.exitCode(), again.toString());
            String alerting = read(out.resolve("alerting/dashplane.yaml"));
            assertTrue(alerting.contains("deleteRules:") && alerting.contains("uid: \"ml-p99-latency-high\""), alerting);
            assertTrue(alerting.contains("resetPolicies:"), alerting);

            ok(200, other.post("/api/v1/admin/provisioning/reload", ""));
            ok(404, other.get(t + "/alert-rules/ml-p99-latency-high"));
            assertEquals(Json.mapper().readTree(api.get(PROD + "/alerting/export?format=json&decrypt=true").body()),
                    Json.mapper().readTree(other.get(t + "/alerting/export?format=json&decrypt=true").body()));
        }
    }

    private static Map<String, JsonNode> datasourceView(JsonNode page) {
        Map<String, JsonNode> out = new TreeMap<>();
        page.path("items").forEach(d -> {
            ObjectNode copy = ((ObjectNode) d).deepCopy();
            copy.remove(List.of("version", "createdAt", "updatedAt", "readOnly"));
            out.put(d.path("uid").asText(), copy);
        });
        return out;
    }

    private static Map<String, String> folderTitles(JsonNode page) {
        Map<String, String> out = new TreeMap<>();
        page.path("items").forEach(f -> out.put(f.path("uid").asText(), f.path("title").asText()));
        return out;
    }

    @Test
    void renderWatchKeepsTheTreeCurrentAsObjectsAreAddedChangedMovedAndDeleted() throws Exception {
        ok(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}"));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"a\",\"title\":\"A\"}"));
        ok(201, api.post(PROD + "/dashboards", "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"One\"},\"folderUid\":\"a\"}"));
        ok(201, api.post(PROD + "/dashboards", "{\"dashboard\":{\"uid\":\"d2\",\"title\":\"Two\"}}"));
        Path out = work.resolve("watched");
        Files.createDirectories(out);
        Path notes = Files.writeString(out.resolve("NOTES.txt"), "not rendered: left alone");

        CliRun[] result = new CliRun[1];
        java.io.StringWriter liveErr = new java.io.StringWriter();
        Thread watcher = new Thread(() -> {
            picocli.CommandLine cli = new picocli.CommandLine(new io.dashplane.server.cli.Main());
            cli.setErr(new java.io.PrintWriter(liveErr, true));
            cli.setOut(new java.io.PrintWriter(liveErr, true));
            int code = cli.execute("render", "--server", server.baseUri().toString(), "--env", "prod",
                "--out", out.toString(), "--token", TOKEN, "--grafana-path", out.toAbsolutePath().toString(), "--watch");
            result[0] = new CliRun(code, "", liveErr.toString());
        }, "render-watch");
        watcher.start();
        try {
            awaitTree(out, () -> exists(out, "dashboards/a/d1.json") && exists(out, "dashboards/general/d2.json"));

            ok(200, api.put(PROD + "/dashboards/d1", "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"One, renamed\"},\"folderUid\":\"a\"}"));
            ok(200, api.put(PROD + "/dashboards/d2", "{\"dashboard\":{\"uid\":\"d2\",\"title\":\"Two\"},\"folderUid\":\"a\"}"));
            ok(201, api.post(PROD + "/folders", "{\"uid\":\"b\",\"title\":\"B\"}"));
            ok(201, api.post(PROD + "/dashboards", "{\"dashboard\":{\"uid\":\"d3\",\"title\":\"Three\"},\"folderUid\":\"b\"}"));
            ok(201, api.post(PROD + "/datasources", "{\"uid\":\"loki\",\"name\":\"Loki\",\"type\":\"loki\",\"url\":\"http://loki:3100\"}"));
            awaitTree(out, () -> contains(out, "dashboards/a/d1.json", "One, renamed")
                    && exists(out, "dashboards/a/d2.json") && !exists(out, "dashboards/general/d2.json")
                    && exists(out, "dashboards/b/d3.json") && contains(out, "dashboards/dashplane.yaml", "folderUid: \"b\"")
                    && contains(out, "datasources/dashplane.yaml", "uid: \"loki\""));

            ok(204, api.delete(PROD + "/dashboards/d1"));
            ok(204, api.delete(PROD + "/folders/b?force=true"));
            ok(204, api.delete(PROD + "/datasources/loki"));
            awaitTree(out, () -> !exists(out, "dashboards/a/d1.json") && !Files.exists(out.resolve("dashboards/b"))
                    && !contains(out, "dashboards/dashplane.yaml", "folderUid: \"b\"")
                    && !contains(out, "datasources/dashplane.yaml", "uid: \"loki\""));
            assertTrue(exists(out, "dashboards/a/d2.json"));
            assertEquals("not rendered: left alone", Files.readString(notes));
        } finally {
            watcher.interrupt();
            watcher.join(60_000);
        }
        assertFalse(watcher.isAlive(), "render --watch stops when interrupted");
        assertNotNull(result[0]);
        assertEquals(0, result[0].exitCode(), result[0].toString());
    }

    @Test
    void renderRemovesFilesOfObjectsDeletedSinceTheLastRunAndOnlyThose() throws Exception {
        ok(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}"));
        ok(201, api.post(PROD + "/dashboards", "{\"dashboard\":{\"uid\":\"keep\",\"title\":\"Keep\"}}"));
        ok(201, api.post(PROD + "/dashboards", "{\"dashboard\":{\"uid\":\"gone\",\"title\":\"Gone\"}}"));
        Path out = work.resolve("tree");
        assertEquals(0, render(out).exitCode());
        Path foreign = Files.writeString(out.resolve("dashboards/general/hand-made.json"), "{}");
        long keptModified = Files.getLastModifiedTime(out.resolve("dashboards/general/keep.json")).toMillis();

        ok(204, api.delete(PROD + "/dashboards/gone"));
        CliRun again = render(out);
        assertEquals(0, again.exitCode(), again.toString());
        assertFalse(exists(out, "dashboards/general/gone.json"));
        assertTrue(Files.exists(foreign), "a file render did not write stays");
        assertEquals(keptModified, Files.getLastModifiedTime(out.resolve("dashboards/general/keep.json")).toMillis(),
                "a file whose bytes did not change is not rewritten");
        assertNull(leftoverTempFile(out));
    }

    @Test
    void withSecretsPlainContactPointSecretsAreValuesAndDatasourceSecretsStayReferencesWithAWarning() throws Exception {
        seedProd();
        Path out = work.resolve("plain");
        CliRun run = render(out, "--secrets", "plain");
        assertEquals(0, run.exitCode(), run.toString());
        String alerting = read(out.resolve("alerting/dashplane.yaml"));
        assertTrue(alerting.contains(SLACK_URL), alerting);
        assertTrue(read(out.resolve("datasources/dashplane.yaml")).contains("${DASHPLANE_DS_PROMETHEUS_BASICAUTHPASSWORD}"));
        assertTrue(run.err().contains("datasource secrets"), run.toString());
    }

    @Test
    void renderWithoutAValidTokenFailsWithTheServersAnswerAndWritesNothing() {
        Path out = work.resolve("denied");
        CliRun run = CliRun.of("render", "--server", server.baseUri().toString(), "--env", "default", "--out",
                out.toString(), "--token", "dpt_not-a-token");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("401"), run.toString());
        assertFalse(Files.exists(out.resolve("dashboards")));
    }

    @Test
    void theDeliveryExampleRendersAnEnvironment() throws Exception {
        ok(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}"));
        ok(201, api.post(PROD + "/dashboards", "{\"dashboard\":{\"uid\":\"example\",\"title\":\"Example\"}}"));
        String readme = read(example("examples/delivery/README.md"));
        String line = readme.lines().map(String::strip).filter(l -> l.startsWith("dashplane render ")).findFirst()
                .orElseThrow(() -> new AssertionError("no dashplane render command in the example"));
        List<String> args = new ArrayList<>(List.of(line.substring("dashplane ".length()).split("\\s+")));
        Path out = work.resolve("example");
        args.set(args.indexOf("--server") + 1, server.baseUri().toString());
        args.set(args.indexOf("--out") + 1, out.toString());
        args.addAll(List.of("--token", TOKEN));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(exists(out, "dashboards/general/example.json"));
        String grafanaPath = args.get(args.indexOf("--grafana-path") + 1);
        assertTrue(read(out.resolve("dashboards/dashplane.yaml")).contains("path: \"" + grafanaPath + "/dashboards/general\""));
    }

    private static Path example(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found");
    }

    private static boolean exists(Path out, String file) {
        return Files.isRegularFile(out.resolve(file));
    }

    private static boolean contains(Path out, String file, String text) {
        try {
            return Files.readString(out.resolve(file)).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path leftoverTempFile(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).findFirst().orElse(null);
        }
    }

    /** Polls the tree until {@code done} holds; fails (showing the tree) after a generous deadline. */
    private static void awaitTree(Path out, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                try (Stream<Path> s = Files.walk(out)) {
                    fail("the tree did not converge: " + s.map(out::relativize).toList() + "\n"
                            + read(out.resolve("dashboards/dashplane.yaml")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Thread.sleep(100);
        }
    }
}
