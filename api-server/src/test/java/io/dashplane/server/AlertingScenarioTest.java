package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.storage.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario from examples/alerting/ml-alerting.yaml: two ML alerts in a rule group, routed by a
 * team label to Slack with a PagerDuty escalation, a weekly maintenance mute timing and a message template.
 */
class AlertingScenarioTest extends AlertingTestSupport {
    static final String SLACK_SECRET = "XXXXXXXXXXXXXXXXXXXXXXXX";
    static final String PAGERDUTY_SECRET = "00000000000000000000000000000000";

    @Test
    void exampleImportsAndExportReimportsIntoAnEmptyEnvironmentUnchanged() throws IOException {
        String example = readExample("ml-alerting.yaml");
        prometheus(ENV);

        var dry = expect(200, post(ENV + "/alerting/import?dryRun=true", example, "application/yaml")).json();
        assertTrue(dry.get("dryRun").asBoolean());
        assertTrue(dry.get("changes").size() >= 8, dry.toString());
        assertEquals(0, api.get(RULES).json().get("total").asLong(), "a dry run writes nothing");
        assertEquals(0, api.get(CONTACT_POINTS).json().get("total").asLong());

        var imported = expect(200, post(ENV + "/alerting/import", example, "application/yaml")).json();
        assertFalse(imported.get("dryRun").asBoolean());

        var latency = api.get(RULES + "/ml-p99-latency-high").json();
        assertEquals("ml-model-health", latency.get("ruleGroup").asText());
        assertEquals("5m", latency.get("for").asText());
        assertEquals("ml-model-monitoring-v1", latency.get("annotations").get("__dashboardUid__").asText());
        assertTrue(latency.get("data").get(0).get("model").get("expr").asText().contains("ml_prediction_latency_seconds_bucket"));
        assertEquals(0.5, latency.get("data").get(2).get("model").get("conditions").get(0).get("evaluator").get("params").get(0).asDouble());
        var drift = api.get(RULES + "/ml-data-drift-high").json();
        assertEquals(0.25, drift.get("data").get(2).get("model").get("conditions").get(0).get("evaluator").get("params").get(0).asDouble());
        String folderUid = latency.get("folderUID").asText();
        var group = api.get(GROUPS + "/" + folderUid + "/ml-model-health").json();
        assertEquals(List.of("ml-p99-latency-high", "ml-data-drift-high"),
                Api.JSON.convertValue(group.get("rules"), List.class));

        String metrics = api.get("/metrics").body();
        assertTrue(metrics.contains("dashplane_objects{kind=\"alert_rule\"} 2.0"), metrics);
        assertTrue(metrics.contains("dashplane_objects{kind=\"notification_route\"} 2.0"), metrics);

        var tree = api.get(POLICY).json();
        assertEquals("ml-slack", tree.get("receiver").asText());
        JsonNode team = tree.get("routes").get(0);
        assertEquals("[[\"team\",\"=\",\"ml\"]]", team.get("object_matchers").toString());
        assertEquals("ml-pagerduty", team.get("routes").get(0).get("receiver").asText());
        assertEquals("weekly-maintenance", team.get("mute_time_intervals").get(0).asText());
        assertEquals(2, api.get(ROUTES).json().get("total").asLong());

        var slack = api.get(CONTACT_POINTS + "/ml-slack").json();
        assertEquals("ml-slack", slack.get("name").asText(), "an imported contact point is addressable by its name as uid");
        assertEquals("weekly-maintenance", api.get(MUTE_TIMINGS + "/weekly-maintenance").json().get("name").asText());
        assertTrue(slack.get("integrations").get(0).get("secureFields").get("url").asBoolean());
        assertFalse(slack.get("integrations").get(0).get("settings").has("url"));

        String redacted = expect(200, api.get(ENV + "/alerting/export")).body();
        assertTrue(redacted.contains("[REDACTED]"), redacted);
        String exported = expect(200, api.get(ENV + "/alerting/export?format=yaml&decrypt=true")).body();
        String exportedJson = expect(200, api.get(ENV + "/alerting/export?format=json&decrypt=true")).body();
        assertTrue(exported.contains(SLACK_SECRET) && exported.contains(PAGERDUTY_SECRET));

        expect(201, api.post("/api/v1/environments", "{\"name\":\"restore\"}"));
        String restore = "/api/v1/environments/restore";
        prometheus(restore);
        expect(200, post(restore + "/alerting/import", exported, "application/yaml"));
        assertEquals(exported, api.get(restore + "/alerting/export?format=yaml&decrypt=true").body());
        assertEquals(exportedJson, api.get(restore + "/alerting/export?format=json&decrypt=true").body());

        expect(201, api.post("/api/v1/environments", "{\"name\":\"fromjson\"}"));
        prometheus("/api/v1/environments/fromjson");
        expect(200, post("/api/v1/environments/fromjson/alerting/import", exportedJson, "application/json"));
        assertEquals(exported, api.get("/api/v1/environments/fromjson/alerting/export?decrypt=true").body());

        // Importing the same file again changes nothing: rule versions and route uids stay.
        String routesBefore = api.get(restore + "/notification-policy/routes").body();
        var again = expect(200, post(restore + "/alerting/import", exported, "application/yaml")).json();
        again.get("changes").forEach(change -> assertEquals("unchanged", change.get("action").asText(), again.toString()));
        assertEquals(routesBefore, api.get(restore + "/notification-policy/routes").body());
        assertEquals(exported, api.get(restore + "/alerting/export?decrypt=true").body());
        assertEquals(1, api.get(restore + "/alert-rules/ml-p99-latency-high").json().get("version").asLong());
    }

    @Test
    void secretsNeverAppearInResponsesOrDatabaseBytes() throws IOException {
        prometheus(ENV);
        expect(200, post(ENV + "/alerting/import", readExample("ml-alerting.yaml"), "application/yaml"));
        String secret = "pd-" + System.nanoTime() + "-SECRETKEY";
        var created = expect(201, api.post(CONTACT_POINTS, """
                {"uid":"pd","name":"pd","integrations":[{"uid":"pd-1","type":"pagerduty","settings":{"integrationKey":"%s"}}]}"""
                .formatted(secret)));
        var replaced = expect(200, api.put(CONTACT_POINTS + "/pd", """
                {"name":"pd","integrations":[{"uid":"pd-1","type":"pagerduty","settings":{"severity":"critical"}}]}"""));
        assertTrue(replaced.json().get("integrations").get(0).get("secureFields").get("integrationKey").asBoolean(),
                "an omitted secret is kept");
        List<Api.Reply> replies = List.of(created, replaced, api.get(CONTACT_POINTS), api.get(CONTACT_POINTS + "/pd"),
                api.get(ENV + "/alerting/export"), api.get(ENV + "/alerting/export?format=json"));
        for (Api.Reply reply : replies) {
            assertFalse(reply.body().contains(secret), reply.toString());
            assertFalse(reply.body().contains(SLACK_SECRET), reply.toString());
            assertFalse(reply.body().contains(PAGERDUTY_SECRET), reply.toString());
        }
        assertTrue(api.get(ENV + "/alerting/export?decrypt=true").body().contains(secret));
        server.close();
        server = null;
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(Database.FILE_NAME)).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(secret), file.toString());
                assertFalse(bytes.contains(SLACK_SECRET), file.toString());
                assertFalse(bytes.contains(PAGERDUTY_SECRET), file.toString());
                assertTrue(file.getFileName().toString().equals(Database.FILE_NAME) ? bytes.contains("ml-pagerduty") : true);
            }
        }
    }

    @Test
    void clearingASecretWithAnEmptyString() {
        expect(201, api.post(CONTACT_POINTS, SLACK));
        var cleared = api.put(CONTACT_POINTS + "/slack", """
                {"name":"ml-slack","integrations":[{"uid":"slack-1","type":"slack","settings":{"url":"","recipient":"#ml"}}]}""");
        expectInvalid("/integrations/0/settings", cleared);
        var token = expect(200, api.put(CONTACT_POINTS + "/slack", """
                {"name":"ml-slack","integrations":[{"uid":"slack-1","type":"slack",
                 "settings":{"url":"","token":"xoxb-SECRET","recipient":"#ml"}}]}""")).json();
        assertEquals("{\"token\":true}", token.get("integrations").get(0).get("secureFields").toString());
    }

    @Test
    void badImportFilesArePointedAt() {
        prometheus(ENV);
        var broken = post(ENV + "/alerting/import", "apiVersion: 1\ngroups: [ {name: x", "application/yaml");
        assertEquals(400, broken.status(), broken.toString());
        var invalid = post(ENV + "/alerting/import", """
                {"apiVersion":1,"groups":[{"name":"g","folder":"F","interval":"15s","rules":[]}],
                 "muteTimes":[{"name":"m","time_intervals":[{"weekdays":["funday"]}]}]}""", "application/json");
        expectInvalid("/groups/0/interval", invalid);
        assertTrue(pointers(invalid).stream().anyMatch(p -> p.startsWith("/muteTimes/0/time_intervals/0/weekdays")), invalid.toString());
        assertEquals(0, api.get(ENV + "/folders").json().get("total").asLong(), "nothing written");
        var format = api.get(ENV + "/alerting/export?format=xml");
        assertEquals(400, format.status(), format.toString());
    }

    private void prometheus(String envPath) {
        expect(201, api.post(envPath + "/datasources",
                "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://prometheus:9090\"}"));
    }
}
