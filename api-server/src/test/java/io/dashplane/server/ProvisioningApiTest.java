package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads examples/provisioning at start-up and on reload; provisioned objects are read-only unless allowed. */
class ProvisioningApiTest extends ServerTestSupport {
    static final Map<String, String> VARIABLES = Map.of("PROMETHEUS_URL", "http://prometheus.staging:9090",
            "PROMETHEUS_TOKEN", "t0ken", "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/test");
    static final String STAGING = "/api/v1/environments/staging";
    static final String PROD = "/api/v1/environments/prod";

    @TempDir
    Path provisioning;

    @BeforeEach
    void startWithProvisioning() throws IOException {
        copy(examplesDir().resolve("provisioning"), provisioning);
        server.close();
        server = DashplaneServer.start(io.dashplane.server.testdb.TestBackend.ephemeral(dataDir).withProvisioningDir(provisioning), VARIABLES);
        api = new Api(server.baseUri());
    }

    @Test
    void loadsAllKindsWithInterpolatedVariables() {
        JsonNode prom = api.get(STAGING + "/datasources/prom-staging").json();
        assertEquals("http://prometheus.staging:9090", prom.get("url").asText(), prom.toString());
        assertTrue(prom.at("/secureJsonFields/httpHeaderValue1").asBoolean());
        assertEquals("${__value.raw}", api.get(STAGING + "/datasources/loki-staging").json()
                .at("/jsonData/derivedFields/0/url").asText(), "$$ is a literal $");
        assertEquals("prom-prod", api.get(PROD + "/datasources/name/Prometheus").json().get("uid").asText());

        JsonNode ml = api.get(STAGING + "/dashboards/ml-model-monitoring-v1").json();
        assertEquals("file", ml.at("/meta/provenance").asText());
        assertEquals("ml", ml.at("/meta/folderUid").asText());
        assertEquals("ML", api.get(STAGING + "/folders/ml").json().get("title").asText());
        JsonNode latency = api.get(STAGING + "/dashboards/api-latency").json();
        String apiFolder = latency.at("/meta/folderUid").asText();
        JsonNode folder = api.get(STAGING + "/folders/" + apiFolder).json();
        assertEquals("api", folder.get("title").asText());
        assertEquals("platform", api.get(STAGING + "/folders/" + folder.get("parentUid").asText()).json().get("title").asText());

        JsonNode rule = api.get(STAGING + "/alert-rules/ml-p99-latency-high").json();
        assertEquals("prom-staging", rule.at("/data/0/datasourceUid").asText(), rule.toString());
        assertEquals("ml", rule.get("folderUID").asText());
        assertTrue(rule.at("/annotations/summary").asText().contains("{{ $labels.model_name }}"), "$$ escapes: " + rule);
        JsonNode slack = api.get(STAGING + "/contact-points?name=ml-slack").json().at("/items/0");
        assertTrue(slack.at("/integrations/0/secureFields/url").asBoolean(), slack.toString());
        assertEquals(200, api.get(STAGING + "/mute-timings/name/weekly-maintenance").status());

        var reload = api.post("/api/v1/admin/provisioning/reload", "");
        assertEquals(200, reload.status(), reload.toString());
        assertEquals(2, reload.json().at("/counts/dashboard/unchanged").asInt(), reload.toString());
        assertEquals(1, api.get(STAGING + "/dashboards/ml-model-monitoring-v1").json().at("/meta/version").asLong(),
                "an unchanged file writes no new version");
    }

    @Test
    void provisionedObjectsAreReadOnlyUnlessAllowed() {
        String ml = api.get(STAGING + "/dashboards/ml-model-monitoring-v1").json().get("dashboard").toString();
        var refused = api.put(STAGING + "/dashboards/ml-model-monitoring-v1", "{\"folderUid\":\"ml\",\"dashboard\":" + ml + "}");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("provisioned from file dashboard-files/ml/ml-model-monitoring.json"),
                refused.toString());
        assertEquals("file", refused.json().get("provenance").asText());
        assertEquals(409, api.delete(STAGING + "/dashboards/ml-model-monitoring-v1").status());
        assertEquals(409, api.delete(STAGING + "/datasources/prom-staging").status());
        var rule = api.get(STAGING + "/alert-rules/ml-p99-latency-high").json();
        var ruleRefused = api.put(STAGING + "/alert-rules/ml-p99-latency-high", rule.toString());
        assertEquals(409, ruleRefused.status(), ruleRefused.toString());
        assertTrue(ruleRefused.json().get("detail").asText().contains("alerting/staging.yaml"), ruleRefused.toString());

        String latency = api.get(STAGING + "/dashboards/api-latency").json().get("dashboard").toString();
        assertEquals(200, api.put(STAGING + "/dashboards/api-latency", "{\"dashboard\":" + latency + "}").status(),
                "allowUiUpdates");
        assertEquals(200, api.put(PROD + "/datasources/prom-prod",
                "{\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://p:9090\"}").status(), "editable: true");

        var promotion = api.post("/api/v1/promotions", "{\"source\":\"staging\",\"target\":\"prod\",\"selection\":{\"all\":true}}");
        assertEquals(200, promotion.status(), "promoting into an environment without provisioned dashboards: " + promotion);
        String prodMl = api.get(PROD + "/dashboards/ml-model-monitoring-v1").json().get("dashboard").toString()
                .replace("\"ML Model Monitoring\"", "\"ML Model Monitoring (prod)\"");
        assertEquals(200, api.put(PROD + "/dashboards/ml-model-monitoring-v1", "{\"folderUid\":\"ml\",\"dashboard\":" + prodMl + "}").status());
        var back = api.post("/api/v1/promotions", "{\"source\":\"prod\",\"target\":\"staging\",\"selection\":{\"dashboards\":[\"ml-model-monitoring-v1\"]},"
                + "\"datasourceUidMap\":{\"prom-prod\":\"prom-staging\"}}");
        assertEquals(409, back.status(), back.toString());
        assertTrue(back.json().get("detail").asText().contains("provisioned from file"), back.toString());
    }

    @Test
    void byNameWritesAndAlertingImportsAreGuardedToo() {
        JsonNode mute = api.get(STAGING + "/mute-timings/name/weekly-maintenance").json();
        String body = "{\"name\":\"weekly-maintenance\",\"time_intervals\":[{\"weekdays\":[\"monday\"]}]}";
        var byName = api.put(STAGING + "/mute-timings/name/weekly-maintenance", body);
        assertEquals(409, byName.status(), byName.toString());
        assertTrue(byName.json().get("detail").asText().contains("provisioned from file alerting/staging.yaml"), byName.toString());
        assertEquals("alerting/staging.yaml", byName.json().get("file").asText());
        assertEquals(409, api.delete(STAGING + "/mute-timings/name/weekly-maintenance").status());
        assertEquals(409, api.delete(STAGING + "/mute-timings/" + mute.get("uid").asText()).status());
        assertEquals(409, api.delete(STAGING + "/templates/ml-notifications").status());
        var policy = api.delete(STAGING + "/notification-policy");
        assertEquals(409, policy.status(), "the policy tree from policies: is read-only too: " + policy);
        assertEquals(200, api.get(STAGING + "/notification-policy").status());
        assertEquals(mute, api.get(STAGING + "/mute-timings/name/weekly-maintenance").json(), "nothing changed");

        var imported = api.post(STAGING + "/alerting/import", """
                {"apiVersion": 1, "muteTimes": [
                  {"orgId": 1, "name": "weekly-maintenance", "time_intervals": [{"weekdays": ["monday"]}]},
                  {"orgId": 1, "name": "brand-new", "time_intervals": [{"weekdays": ["friday"]}]}]}""");
        assertEquals(409, imported.status(), imported.toString());
        assertTrue(imported.json().get("detail").asText().contains("provisioned from file alerting/staging.yaml"),
                imported.toString());
        assertEquals(404, api.get(STAGING + "/mute-timings/name/brand-new").status(), "the refused import is rolled back");
        var untouched = api.post(STAGING + "/alerting/import", """
                {"apiVersion": 1, "muteTimes": [
                  {"orgId": 1, "name": "brand-new", "time_intervals": [{"weekdays": ["friday"]}]}]}""");
        assertEquals(200, untouched.status(), "an import that leaves provisioned objects alone passes: " + untouched);

        var forced = api.delete(STAGING + "/folders/ml?force=true");
        assertEquals(409, forced.status(), "a forced folder delete would take provisioned objects with it: " + forced);
        assertTrue(forced.json().get("detail").asText().contains("is provisioned from file"), forced.toString());
        assertEquals(200, api.get(STAGING + "/dashboards/ml-model-monitoring-v1").status());
        assertEquals(200, api.get(STAGING + "/alert-rules/ml-p99-latency-high").status());
    }

    /**
     * The read-only check runs inside the API write's transaction: an API write racing the reload that provisions the
     * dashboard either happens before it (and is overwritten) or is refused; it never lands on the provisioned object.
     */
    @Test
    void apiWritesRacingAReloadNeverOverwriteTheFile() throws Exception {
        Path file = provisioning.resolve("dashboard-files/ml/race.json");
        String fromApi = "{\"dashboard\":{\"uid\":\"race\",\"title\":\"From the API\",\"schemaVersion\":39,\"panels\":[]}}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 4; i++) {
                Files.deleteIfExists(file);
                assertEquals(200, api.post("/api/v1/admin/provisioning/reload", "").status());
                api.delete(STAGING + "/dashboards/race");
                Files.writeString(file, "{\"uid\":\"race\",\"title\":\"From the file\",\"schemaVersion\":39,\"panels\":[]}");
                var start = new java.util.concurrent.CountDownLatch(1);
                var reload = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/admin/provisioning/reload", "");
                });
                var write = pool.submit(() -> {
                    start.await();
                    return api.put(STAGING + "/dashboards/race", fromApi);
                });
                start.countDown();
                assertEquals(200, reload.get().status(), reload.get().toString());
                int status = write.get().status();
                assertTrue(status == 200 || status == 201 || status == 409, write.get().toString());
                JsonNode stored = api.get(STAGING + "/dashboards/race").json();
                assertEquals("From the file", stored.at("/dashboard/title").asText(), "round " + i + ": " + stored);
                assertEquals("file", stored.at("/meta/provenance").asText());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void removingAFileRemovesItsDashboard() throws IOException {
        Files.delete(provisioning.resolve("dashboard-files/ml/ml-model-monitoring.json"));
        Files.writeString(provisioning.resolve("datasources/prod.yaml"), Files.readString(provisioning.resolve("datasources/prod.yaml"))
                .replace("  - name: Prometheus\n", "  - name: Prometheus 2\n"));
        var reload = api.post("/api/v1/admin/provisioning/reload", "");
        assertEquals(200, reload.status(), reload.toString());
        assertEquals(404, api.get(STAGING + "/dashboards/ml-model-monitoring-v1").status());
        assertEquals(1, reload.json().at("/counts/dashboard/deleted").asInt());
        assertEquals("Prometheus 2", api.get(PROD + "/datasources/prom-prod").json().get("name").asText());
    }

    @Test
    void deleteDatasourcesAndPruneAreHonoured() throws IOException {
        PromotionApiTest.created(api.post(STAGING + "/datasources", "{\"name\":\"Graphite (retired)\",\"type\":\"graphite\"}"));
        PromotionApiTest.created(api.post(PROD + "/datasources", "{\"uid\":\"by-hand\",\"name\":\"By hand\",\"type\":\"loki\"}"));
        Files.writeString(provisioning.resolve("datasources/prod.yaml"), """
                apiVersion: 1
                environment: prod
                prune: true
                datasources:
                  - name: Prometheus 2
                    type: prometheus
                    uid: prom-prod-2
                """);
        var reload = api.post("/api/v1/admin/provisioning/reload", "");
        assertEquals(200, reload.status(), reload.toString());
        assertEquals(404, api.get(STAGING + "/datasources/name/Graphite%20(retired)").status(), "deleteDatasources");
        assertEquals(404, api.get(PROD + "/datasources/prom-prod").status(), "pruned: provisioned before, in no file now");
        assertEquals(200, api.get(PROD + "/datasources/prom-prod-2").status());
        assertEquals(200, api.get(PROD + "/datasources/by-hand").status(), "prune leaves API-made datasources alone");
        assertEquals(2, reload.json().at("/counts/datasource/deleted").asInt(), reload.toString());
    }

    @Test
    void brokenFilesAreRejectedWithFileAndLineAndNothingChanges() throws IOException {
        assertRejected("datasources/bad.yaml", "apiVersion: 1\ndatasources:\n  - name: X\n   type: y\n", "datasources/bad.yaml:4: malformed YAML");
        assertRejected("datasources/unknown.yaml", "apiVersion: 1\ndatasources:\n  - name: X\n    type: prometheus\n    colour: red\n",
                "datasources/unknown.yaml:5: unknown key 'colour'");
        assertRejected("datasources/dup.yaml", "apiVersion: 1\nenvironment: staging\ndatasources:\n  - name: Other\n    type: prometheus\n    uid: prom-staging\n",
                "datasources/staging.yaml:11: duplicate datasource uid 'prom-staging' in environment 'staging'");
        assertRejected("dashboards/escape.yaml", "apiVersion: 1\nproviders:\n  - name: x\n    type: file\n    options:\n      path: ../../etc\n",
                "dashboards/escape.yaml:6: path '../../etc' (");
    }

    @Test
    void aReloadWithAnUnsetVariableIsRejectedNamingTheVariableAndFileAndADefaultIsUsed() throws IOException {
        assertRejected("datasources/unset.yaml",
                "apiVersion: 1\nenvironment: prod\ndatasources:\n  - name: Tempo\n    type: tempo\n    uid: tempo\n    url: $TEMPO_URL\n",
                "datasources/unset.yaml:7: environment variable TEMPO_URL is not set; set it or write ${TEMPO_URL:-default}");
        Files.writeString(provisioning.resolve("datasources/default.yaml"),
                "apiVersion: 1\nenvironment: prod\ndatasources:\n  - name: Tempo\n    type: tempo\n    uid: tempo\n"
                        + "    url: ${TEMPO_URL:-http://tempo:3200}\n");
        var reload = api.post("/api/v1/admin/provisioning/reload", "");
        assertEquals(200, reload.status(), reload.toString());
        assertEquals("http://tempo:3200", api.get(PROD + "/datasources/tempo").json().get("url").asText());
    }

    @Test
    void startUpRefusesABrokenDirectory() throws IOException {
        Files.writeString(provisioning.resolve("datasources/bad.yaml"), "apiVersion: 1\ndatasources: [\n");
        server.close();
        var e = assertThrows(IllegalStateException.class, () -> DashplaneServer.start(
                io.dashplane.server.testdb.TestBackend.ephemeral(dataDir).withProvisioningDir(provisioning), VARIABLES));
        assertTrue(e.getMessage().contains("datasources/bad.yaml:"), e.getMessage());
        server = DashplaneServer.start(io.dashplane.server.testdb.TestBackend.ephemeral(dataDir), VARIABLES);
        api = new Api(server.baseUri());
        assertEquals(409, api.post("/api/v1/admin/provisioning/reload", "").status(), "no directory configured");
    }

    private void assertRejected(String file, String text, String expected) throws IOException {
        Path path = provisioning.resolve(file);
        Files.writeString(path, text);
        var reload = api.post("/api/v1/admin/provisioning/reload", "");
        assertEquals(422, reload.status(), reload.toString());
        assertTrue(reload.body().contains(expected), expected + " in " + reload);
        assertEquals(200, api.get(STAGING + "/dashboards/ml-model-monitoring-v1").status());
        Files.delete(path);
    }

    static Path examplesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("examples/provisioning"))) {
                return dir.resolve("examples");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/provisioning not found");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
