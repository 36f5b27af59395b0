package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push delivery end to end: the source is this test's server, the target Grafana is a second Dashplane server on
 * loopback reached through its Grafana-compatible API, with a service-account token that is Admin there.
 */
class SyncTargetTest extends AlertingTestSupport {
    static final String TARGETS = ENV + "/targets";
    static final String DS_SECRET = "ds-password-7f3a9c";

    @TempDir
    Path targetDir;
    RunningServer target;
    Api targetApi;
    String targetToken;

    @BeforeEach
    void startTarget() {
        target = DashplaneServer.start(ServerConfig.ephemeral(targetDir));
        targetApi = new Api(target.baseUri());
        targetToken = Accounts.create(targetApi, "dashplane-sync", Map.of("default", "Admin")).token();
    }

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    String targetUrl() {
        return target.baseUri() + "grafana/default";
    }

    void addTarget(String extra) {
        expect(201, api.post(TARGETS, "{\"name\":\"grafana-a\",\"url\":\"" + targetUrl() + "\",\"token\":\""
                + targetToken + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}"));
    }

    /** Polls the status until {@code done} holds (or fails after a deadline, showing the last status). */
    JsonNode awaitStatus(Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = expect(200, api.get(TARGETS + "/grafana-a/status")).json();
            if (done.test(status)) {
                return status;
            }
            pause();
        }
        throw new AssertionError("status did not get there in time: " + status);
    }

    /** Polls the target's Grafana API until {@code done} holds for the reply of GET {@code path}. */
    Api.Reply awaitTarget(String path, Predicate<Api.Reply> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Api.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = targetApi.get("/grafana/default" + path);
            if (done.test(reply)) {
                return reply;
            }
            pause();
        }
        throw new AssertionError("the target did not converge on " + path + ": " + reply);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static boolean ok(JsonNode status, long atLeastSequence) {
        return status.path("state").asText().equals("ok") && status.path("syncedSequence").asLong() >= atLeastSequence;
    }

    long latestSequence() {
        assertTrue(expect(200, api.get(ENV + "/changes?since=0")).json().has("sequence"));
        return expect(200, api.get(ENV + "/changes?since=0")).json().path("sequence").asLong();
    }

    void seedEverything() {
        seed(ENV);
        expect(201, api.post(ENV + "/datasources", "{\"uid\":\"pg\",\"name\":\"Postgres\",\"type\":\"postgres\","
                + "\"url\":\"db:5432\",\"user\":\"grafana\",\"secureJsonData\":{\"password\":\"" + DS_SECRET + "\"}}"));
        expect(201, api.post(ENV + "/folders", "{\"uid\":\"ml-sub\",\"title\":\"Drift\",\"parentUid\":\"ml\"}"));
        expect(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"drift\",\"title\":\"Model drift\","
                + "\"panels\":[]},\"folderUid\":\"ml-sub\"}"));
        expect(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"home\",\"title\":\"Home\",\"panels\":[]}}"));
        expect(201, api.post(RULES, rule("drift-high", "Drift high", "health", "")));
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        expect(201, api.put(TEMPLATES + "/ml", "{\"template\":\"{{ define \\\"ml.title\\\" }}ML{{ end }}\"}"));
        expect(201, api.put(POLICY, "{\"receiver\":\"ml-slack\",\"group_by\":[\"alertname\"]}"));
    }

    @Test
    void anEmptyTargetConvergesToEveryKindOfObjectWithItsSecrets() {
        seedEverything();
        addTarget("");
        JsonNode status = awaitStatus(s -> ok(s, latestSequence()));
        assertTrue(status.path("lastError").isNull(), status.toString());
        status.path("objects").forEach(o -> assertEquals("synced", o.path("state").asText(), o.toString()));

        JsonNode folder = targetApi.get("/grafana/default/api/folders/ml-sub").json();
        assertEquals("Drift", folder.path("title").asText());
        assertEquals("ml", folder.path("parentUid").asText());
        JsonNode board = expect(200, targetApi.get("/grafana/default/api/dashboards/uid/drift")).json();
        assertEquals("Model drift", board.path("dashboard").path("title").asText());
        assertEquals("ml-sub", board.path("meta").path("folderUid").asText());
        expect(200, targetApi.get("/grafana/default/api/dashboards/uid/home"));
        JsonNode ds = expect(200, targetApi.get("/grafana/default/api/datasources/uid/pg")).json();
        assertEquals("Postgres", ds.path("name").asText());
        assertEquals(Map.of("password", DS_SECRET), target.services().datasources().decryptSecrets("default", "pg"));
        JsonNode group = expect(200, targetApi.get("/grafana/default/api/v1/provisioning/folder/ml/rule-groups/health"))
                .json();
        assertEquals("drift-high", group.path("rules").get(0).path("uid").asText());
        String alerting = expect(200, targetApi.get(ENV + "/alerting/export?format=json&decrypt=true")).body();
        assertTrue(alerting.contains("SECRETSLACKTOKEN"), alerting);
        assertTrue(alerting.contains("weekly-maintenance"), alerting);
        assertTrue(alerting.contains("ml.title"), alerting);
        assertEquals("ml-slack", expect(200, targetApi.get("/grafana/default/api/v1/provisioning/policies")).json()
                .path("receiver").asText());
        JsonNode run = expect(200, api.get("/api/v1/audit?env=default&kind=sync-run")).json().path("items").get(0);
        assertEquals("sync:grafana-a", run.path("actor").asText(), run.toString());
        assertEquals("grafana-a", run.path("uid").asText());
        assertEquals("ok", run.path("detail").path("state").asText(), run.toString());
        assertEquals(0, run.path("detail").path("errors").asInt());
        String metrics = expect(200, api.get("/metrics")).body();
        assertTrue(metrics.contains("dashplane_sync_runs_total{env=\"default\",target=\"grafana-a\"}"), metrics);
        assertTrue(metrics.contains("dashplane_sync_last_success_timestamp_seconds{env=\"default\",target=\"grafana-a\"}"));
        // provisioned, as Grafana shows objects written without X-Disable-Provenance
        assertEquals("api", targetApi.get("/grafana/default/api/v1/provisioning/mute-timings/weekly-maintenance").json()
                .path("provenance").asText());
    }

    static final String BOARDS = ENV + "/dashboards";

    String titleInTarget(String uid) {
        return targetApi.get("/grafana/default/api/dashboards/uid/" + uid).json().path("dashboard").path("title").asText();
    }

    void handEditTitle(String uid, String title) {
        JsonNode board = expect(200, targetApi.get("/grafana/default/api/dashboards/uid/" + uid)).json();
        com.fasterxml.jackson.databind.node.ObjectNode edited = (com.fasterxml.jackson.databind.node.ObjectNode)
                board.path("dashboard").deepCopy();
        edited.put("title", title);
        String body = "{\"dashboard\":" + edited + ",\"folderUid\":\"" + board.path("meta").path("folderUid").asText()
                + "\",\"overwrite\":true}";
        expect(200, targetApi.post("/grafana/default/api/dashboards/db", body));
    }

    void seedBoards() {
        expect(201, api.post(ENV + "/folders", "{\"uid\":\"a\",\"title\":\"Team A\"}"));
        expect(201, api.post(ENV + "/folders", "{\"uid\":\"b\",\"title\":\"Team B\"}"));
        expect(201, api.post(ENV + "/datasources", "{\"uid\":\"prom\",\"name\":\"Prometheus\",\"type\":\"prometheus\","
                + "\"url\":\"http://prometheus:9090\"}"));
        expect(201, api.post(BOARDS, "{\"dashboard\":{\"uid\":\"latency\",\"title\":\"Latency\",\"panels\":[]},"
                + "\"folderUid\":\"a\"}"));
    }

    @Test
    void changesDeletesRenamesAndMovesInTheSourceReachTheTarget() {
        seedBoards();
        addTarget("");
        awaitStatus(s -> ok(s, latestSequence()));
        assertEquals("Latency", titleInTarget("latency"));

        expect(200, api.put(BOARDS + "/latency", "{\"dashboard\":{\"uid\":\"latency\",\"title\":\"API latency\","
                + "\"panels\":[]},\"folderUid\":\"b\"}"));
        expect(200, api.put(ENV + "/folders/b", "{\"uid\":\"b\",\"title\":\"Platform\"}"));
        expect(204, api.delete(ENV + "/datasources/prom"));
        awaitStatus(s -> ok(s, latestSequence()));
        JsonNode board = targetApi.get("/grafana/default/api/dashboards/uid/latency").json();
        assertEquals("API latency", board.path("dashboard").path("title").asText());
        assertEquals("b", board.path("meta").path("folderUid").asText());
        assertEquals("Platform", targetApi.get("/grafana/default/api/folders/b").json().path("title").asText());
        assertEquals(404, targetApi.get("/grafana/default/api/datasources/uid/prom").status());

        expect(204, api.delete(BOARDS + "/latency"));
        expect(204, api.delete(ENV + "/folders/a"));
        awaitStatus(s -> ok(s, latestSequence()));
        assertEquals(404, targetApi.get("/grafana/default/api/dashboards/uid/latency").status());
        assertEquals(404, targetApi.get("/grafana/default/api/folders/a").status());
        JsonNode status = expect(200, api.get(TARGETS + "/grafana-a/status")).json();
        assertEquals(1, status.path("objects").size(), status.toString()); // folder b only
    }

    @Test
    void aHandEditedManagedDashboardIsRevertedAndTheDriftAudited() {
        seedBoards();
        addTarget("\"resyncInterval\":\"1s\"");
        awaitStatus(s -> ok(s, latestSequence()));
        handEditTitle("latency", "Edited by hand");
        awaitTarget("/api/dashboards/uid/latency",
                r -> r.json().path("dashboard").path("title").asText().equals("Latency"));
        JsonNode drift = expect(200, api.get("/api/v1/audit?env=default&kind=sync-drift")).json().path("items").get(0);
        assertEquals("drift-reverted", drift.path("action").asText(), drift.toString());
        assertEquals("latency", drift.path("detail").path("uid").asText(), drift.toString());
        assertTrue(drift.path("detail").path("paths").toString().contains("/dashboard/title"), drift.toString());
    }

    @Test
    void withDriftReportAHandEditIsReportedWithADiffAndKept() {
        seedBoards();
        addTarget("\"resyncInterval\":\"1s\",\"drift\":\"report\"");
        awaitStatus(s -> ok(s, latestSequence()));
        handEditTitle("latency", "Edited by hand");
        JsonNode status = awaitStatus(s -> {
            for (JsonNode o : s.path("objects")) {
                if (o.path("uid").asText().equals("latency") && o.path("state").asText().equals("drifted")) {
                    return true;
                }
            }
            return false;
        });
        JsonNode drifted = null;
        for (JsonNode o : status.path("objects")) {
            if (o.path("uid").asText().equals("latency")) {
                drifted = o;
            }
        }
        assertTrue(drifted.path("drift").toString().contains("/dashboard/title"), drifted.toString());
        assertTrue(drifted.path("drift").toString().contains("Edited by hand"), drifted.toString());
        assertEquals("Edited by hand", titleInTarget("latency"));
        String audit = expect(200, api.get("/api/v1/audit?env=default&kind=sync-drift")).body();
        assertTrue(audit.contains("drift-kept"), audit);
    }

    @Test
    void aTargetThatIsDownNeverBlocksWritesAndCatchesUpWhenItReturns() {
        seedBoards();
        addTarget("");
        awaitStatus(s -> ok(s, latestSequence()));
        int port = target.port();
        target.close();
        target = null;
        expect(200, api.put(BOARDS + "/latency", "{\"dashboard\":{\"uid\":\"latency\",\"title\":\"While down\","
                + "\"panels\":[]},\"folderUid\":\"a\"}"));
        expect(201, api.post(BOARDS, "{\"dashboard\":{\"uid\":\"errors\",\"title\":\"Errors\",\"panels\":[]}}"));
        JsonNode down = awaitStatus(s -> s.path("state").asText().equals("error"));
        assertTrue(down.path("lastError").asText().contains("cannot reach"), down.toString());

        target = DashplaneServer.start(ServerConfig.ephemeral(targetDir).withPort(port));
        targetApi = new Api(target.baseUri());
        awaitStatus(s -> ok(s, latestSequence()));
        assertEquals("While down", titleInTarget("latency"));
        assertEquals("Errors", titleInTarget("errors"));
    }

    @Test
    void objectsMadeByHandInTheTargetAreLeftAloneUnlessAdopted() {
        expect(200, targetApi.post("/grafana/default/api/dashboards/db",
                "{\"dashboard\":{\"uid\":\"hand\",\"title\":\"Made by hand\"}}"));
        expect(200, targetApi.post("/grafana/default/api/dashboards/db",
                "{\"dashboard\":{\"uid\":\"shared\",\"title\":\"Hand version\"}}"));
        expect(201, api.post(BOARDS, "{\"dashboard\":{\"uid\":\"shared\",\"title\":\"Dashplane version\"}}"));
        addTarget("");
        JsonNode status = awaitStatus(s -> s.path("syncedSequence").asLong() >= latestSequence()
                && s.path("state").asText().equals("error"));
        assertTrue(status.toString().contains("not written by Dashplane"), status.toString());
        assertEquals("Hand version", titleInTarget("shared"));
        assertEquals("Made by hand", titleInTarget("hand"));

        String put = "{\"name\":\"grafana-a\",\"url\":\"" + targetUrl() + "\",\"adopt\":true}";
        expect(200, api.put(TARGETS + "/grafana-a", put));
        awaitTarget("/api/dashboards/uid/shared",
                r -> r.json().path("dashboard").path("title").asText().equals("Dashplane version"));
        awaitStatus(s -> ok(s, latestSequence()));
        assertEquals("Made by hand", titleInTarget("hand")); // never in the environment: never touched
    }

    @Test
    void aPlanListsWhatASyncWouldChangeWithoutWritingIt() {
        seedBoards();
        addTarget("\"enabled\":false");
        JsonNode plan = expect(200, api.post(TARGETS + "/grafana-a/plan", "")).json();
        java.util.Set<String> planned = new java.util.TreeSet<>();
        plan.path("changes").forEach(c -> planned.add(c.path("kind").asText() + ":" + c.path("uid").asText() + ":"
                + c.path("action").asText()));
        assertEquals(java.util.Set.of("folder:a:create", "folder:b:create", "datasource:prom:create",
                "dashboard:latency:create"), planned);
        assertEquals(404, targetApi.get("/grafana/default/api/dashboards/uid/latency").status());
        assertEquals(404, targetApi.get("/grafana/default/api/folders/a").status());
        assertEquals("disabled", expect(200, api.get(TARGETS + "/grafana-a/status")).json().path("state").asText());
    }

    @Test
    void theTokenAndTheSecretsItCarriesNeverAppearInLogsOrAudit() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            seedEverything();
            addTarget("");
            awaitStatus(s -> ok(s, latestSequence()));
            expect(200, api.post(TARGETS + "/grafana-a/sync", ""));
        } finally {
            root.detachAppender(logged);
        }
        StringBuilder all = new StringBuilder();
        for (var e : logged.list) {
            all.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                all.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        assertFalse(logged.list.isEmpty());
        for (String secret : java.util.List.of(targetToken, DS_SECRET, "SECRETSLACKTOKEN")) {
            assertFalse(all.toString().contains(secret), "logged: " + secret);
            assertFalse(api.get("/api/v1/audit?env=default&perPage=1000").body().contains(secret));
            assertFalse(api.get(TARGETS + "/grafana-a/status").body().contains(secret));
        }
        assertFalse(api.get(TARGETS).body().contains(targetToken));
    }
}
