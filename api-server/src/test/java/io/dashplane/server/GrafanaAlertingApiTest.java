package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grafana's alerting provisioning API through the Grafana door, over real HTTP. */
class GrafanaAlertingApiTest extends ServerTestSupport {
    static final String P = "/grafana/default/api/v1/provisioning";

    @BeforeEach
    void datasourceAndFolder() {
        assertEquals(201, api.put(ENV + "/datasources/prom-main",
                "{\"name\": \"Prometheus\", \"type\": \"prometheus\", \"url\": \"http://prom:9090\"}").status());
        assertEquals(200, api.post("/grafana/default/api/folders", "{\"uid\": \"ml\", \"title\": \"ML\"}").status());
    }

    static String rule(String uid, String title, String group) {
        return "{\"uid\": \"" + uid + "\", \"title\": \"" + title + "\", \"folderUID\": \"ml\", \"ruleGroup\": \"" + group
                + "\", \"condition\": \"C\", \"orgID\": 1, \"id\": 5, \"data\": ["
                + "{\"refId\": \"A\", \"relativeTimeRange\": {\"from\": 600, \"to\": 0}, \"datasourceUid\": \"prom-main\","
                + " \"model\": {\"refId\": \"A\", \"expr\": \"max(ml_data_drift_score)\", \"instant\": true}},"
                + "{\"refId\": \"C\", \"datasourceUid\": \"__expr__\", \"model\": {\"refId\": \"C\", \"type\": \"threshold\","
                + " \"expression\": \"A\", \"conditions\": [{\"evaluator\": {\"type\": \"gt\", \"params\": [0.25]}}]}}],"
                + " \"for\": \"5m\", \"noDataState\": \"OK\", \"execErrState\": \"Error\", \"labels\": {\"team\": \"ml\"}}";
    }

    @Test
    void aRulePostedIntoAMissingGroupCreatesTheGroupAndReadsBackInGrafanasShape() {
        Api.Reply created = api.post(P + "/alert-rules", rule("drift", "Drift", "health"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("api", created.json().get("provenance").asText());
        assertEquals(1, created.json().get("orgID").asInt());
        JsonNode group = api.get(P + "/folder/ml/rule-groups/health").json();
        assertEquals(60, group.get("interval").asInt(), group.toString());
        assertEquals("drift", group.at("/rules/0/uid").asText());
        assertEquals("Drift", api.get(P + "/alert-rules/drift").json().get("title").asText());
        assertEquals(1, api.get(P + "/alert-rules").json().size());
        assertEquals("Drift", api.get(ENV + "/alert-rules/drift").json().get("title").asText(), "the same rule natively");

        Api.Reply updated = api.put(P + "/alert-rules/drift", rule("drift", "Drift v2", "health"));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("Drift v2", api.get(ENV + "/alert-rules/drift").json().get("title").asText());
        assertEquals(404, api.put(P + "/alert-rules/nope", rule("nope", "N", "health")).status());
        assertEquals(204, api.delete(P + "/alert-rules/drift").status());
        assertEquals(404, api.get(P + "/alert-rules/drift").status());
    }

    @Test
    void puttingARuleGroupMakesItExactlyTheRulesSentInOneGo() {
        api.post(P + "/alert-rules", rule("r1", "One", "g"));
        Api.Reply put = api.put(P + "/folder/ml/rule-groups/g", "{\"title\": \"g\", \"interval\": 120, \"rules\": ["
                + rule("r1", "One again", "g") + "," + rule("r2", "Two", "g") + "]}");
        assertEquals(200, put.status(), put.toString());
        assertEquals(120, put.json().get("interval").asInt());
        assertEquals(2, put.json().get("rules").size());
        assertEquals("One again", api.get(ENV + "/alert-rules/r1").json().get("title").asText());
        Api.Reply only = api.put(P + "/folder/ml/rule-groups/g", "{\"interval\": 120, \"rules\": [" + rule("r2", "Two", "g") + "]}");
        assertEquals(200, only.status(), only.toString());
        assertEquals(404, api.get(ENV + "/alert-rules/r1").status(), "a rule left out of the group is deleted");
        Api.Reply bad = api.put(P + "/folder/ml/rule-groups/g", "{\"interval\": 120, \"rules\": ["
                + rule("r3", "", "g") + "]}");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.json().get("message").asText().contains("/rules/0/title"), bad.toString());
        assertEquals(200, api.get(ENV + "/alert-rules/r2").status(), "nothing was written by the refused put");
    }

    @Test
    void contactPointsAreIntegrationsWithRedactedSecretsKeptAcrossUpdates() {
        Api.Reply created = api.post(P + "/contact-points", "{\"uid\": \"slack-1\", \"name\": \"ml-team\","
                + " \"type\": \"slack\", \"settings\": {\"url\": \"https://hooks.slack.com/services/T/B/secret1\"}}");
        assertEquals(202, created.status(), created.toString());
        assertEquals("[REDACTED]", created.json().at("/settings/url").asText());
        api.post(P + "/contact-points", "{\"uid\": \"mail-1\", \"name\": \"ml-team\", \"type\": \"email\","
                + " \"settings\": {\"addresses\": \"ml@example.com\"}}");
        JsonNode list = api.get(P + "/contact-points").json();
        assertEquals(2, list.size(), list.toString());
        assertFalse(list.toString().contains("secret1"));
        JsonNode natively = api.get(ENV + "/contact-points").json().at("/items/0");
        assertEquals(2, natively.get("integrations").size(), "one contact point with two integrations");

        Api.Reply updated = api.put(P + "/contact-points/slack-1", "{\"name\": \"ml-team\", \"type\": \"slack\","
                + " \"settings\": {\"url\": \"[REDACTED]\", \"recipient\": \"#ml\"}}");
        assertEquals(202, updated.status(), updated.toString());
        String export = api.get(ENV + "/alerting/export?format=json&decrypt=true").body();
        assertTrue(export.contains("secret1"), "the redacted secret was kept");
        assertTrue(export.contains("#ml"));

        assertEquals(202, api.delete(P + "/contact-points/mail-1").status());
        assertEquals(1, api.get(P + "/contact-points").json().size());
        assertEquals(202, api.delete(P + "/contact-points/slack-1").status());
        assertEquals(0, api.get(ENV + "/contact-points").json().get("total").asInt());
    }

    @Test
    void thePolicyTreeIsReplacedAndResetWhole() {
        api.post(P + "/contact-points", "{\"uid\": \"e1\", \"name\": \"default-email\", \"type\": \"email\","
                + " \"settings\": {\"addresses\": \"ops@example.com\"}}");
        api.post(P + "/contact-points", "{\"uid\": \"e2\", \"name\": \"ml-email\", \"type\": \"email\","
                + " \"settings\": {\"addresses\": \"ml@example.com\"}}");
        Api.Reply put = api.put(P + "/policies", "{\"receiver\": \"default-email\", \"group_by\": [\"alertname\"],"
                + " \"routes\": [{\"receiver\": \"ml-email\", \"object_matchers\": [[\"team\", \"=\", \"ml\"]],"
                + " \"routes\": [{\"receiver\": \"default-email\", \"object_matchers\": [[\"severity\", \"=\", \"low\"]]}]}]}");
        assertEquals(202, put.status(), put.toString());
        JsonNode tree = api.get(P + "/policies").json();
        assertEquals("default-email", tree.get("receiver").asText(), tree.toString());
        assertEquals("ml-email", tree.at("/routes/0/receiver").asText());
        assertEquals("low", tree.at("/routes/0/routes/0/object_matchers/0/2").asText());
        assertEquals(2, api.get(ENV + "/notification-policy/routes").json().get("total").asInt());
        assertEquals(202, api.delete(P + "/policies").status());
        assertEquals(0, api.get(ENV + "/notification-policy/routes").json().get("total").asInt());
    }

    @Test
    void muteTimingsAndTemplatesByName() {
        Api.Reply timing = api.post(P + "/mute-timings", "{\"name\": \"weekends\", \"time_intervals\": [{\"weekdays\": [\"saturday\", \"sunday\"]}]}");
        assertEquals(201, timing.status(), timing.toString());
        assertEquals("weekends", api.get(P + "/mute-timings/weekends").json().get("name").asText());
        assertEquals(200, api.put(P + "/mute-timings/weekends", "{\"name\": \"weekends\", \"time_intervals\": [{\"weekdays\": [\"sunday\"]}]}").status());
        assertEquals(1, api.get(P + "/mute-timings").json().size());
        assertEquals(204, api.delete(P + "/mute-timings/weekends").status());
        assertEquals(404, api.get(P + "/mute-timings/weekends").status());

        Api.Reply template = api.put(P + "/templates/ml.title", "{\"template\": \"{{ define \\\"ml.title\\\" }}ML{{ end }}\"}");
        assertEquals(202, template.status(), template.toString());
        assertEquals("ml.title", api.get(P + "/templates/ml.title").json().get("name").asText());
        assertEquals(1, api.get(P + "/templates").json().size());
        assertEquals(204, api.delete(P + "/templates/ml.title").status());
    }

    @Test
    void xDisableProvenanceIsRememberedPerObject() {
        Api.Reply created = api.send(HttpRequest.newBuilder(api.uri(P + "/alert-rules"))
                .header("Content-Type", "application/json").header("X-Disable-Provenance", "true")
                .POST(HttpRequest.BodyPublishers.ofString(rule("editable", "Editable", "g"))));
        assertEquals(201, created.status(), created.toString());
        assertEquals("", created.json().get("provenance").asText());
        assertEquals("", api.get(P + "/alert-rules/editable").json().get("provenance").asText());
        api.put(P + "/alert-rules/editable", rule("editable", "Editable", "g"));
        assertEquals("api", api.get(P + "/alert-rules/editable").json().get("provenance").asText());
    }

    @Test
    void badAlertingInputGetsGrafanaShapedErrorsWithPointers() {
        Api.Reply noGroup = api.post(P + "/alert-rules", rule("x", "X", "g").replace("\"for\": \"5m\"", "\"for\": 5"));
        assertEquals(400, noGroup.status(), noGroup.toString());
        assertTrue(noGroup.json().has("message"));
        Api.Reply badReceiver = api.put(P + "/policies", "{\"receiver\": \"nobody\"}");
        assertEquals(400, badReceiver.status(), badReceiver.toString());
        assertTrue(badReceiver.json().get("message").asText().contains("/receiver"), badReceiver.toString());
        Api.Reply anonymous = api.as(null).get(P + "/policies");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.json().has("message"), anonymous.toString());
    }
}
