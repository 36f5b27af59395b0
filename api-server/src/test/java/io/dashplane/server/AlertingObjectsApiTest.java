package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRUD, history and tree assembly of the alerting objects. */
class AlertingObjectsApiTest extends AlertingTestSupport {
    @BeforeEach
    void seedDefault() {
        seed(ENV);
    }

    @Test
    void rulesHaveHistoryAndKeepUidAndHistoryWhenMovedToAnotherGroup() {
        var created = expect(201, api.put(RULES + "/drift", rule("drift", "Drift", "health", "")));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("/api/v1/environments/default/alert-rules/drift", api.uri(created.header("Location")).getPath());
        expect(200, api.put(RULES + "/drift", rule("drift", "Drift", "health", "").replace("\"for\":\"5m\"", "\"for\":\"10m\""), "\"1\""));

        expect(201, api.put(ENV + "/folders/other", "{\"title\":\"Other\"}"));
        expect(201, api.put(GROUPS + "/other/slow", "{\"interval\":\"5m\"}"));
        var moved = expect(200, api.put(RULES + "/drift", rule("drift", "Drift", "slow", "").replace("\"folderUID\":\"ml\"", "\"folderUID\":\"other\"")));
        assertEquals(3, moved.json().get("version").asLong());
        assertEquals("other", moved.json().get("folderUID").asText());
        assertEquals("[]", api.get(GROUPS + "/ml/health").json().get("rules").toString());
        assertEquals("[\"drift\"]", api.get(GROUPS + "/other/slow").json().get("rules").toString());

        var versions = api.get(RULES + "/drift/versions").json();
        assertEquals(3, versions.get("total").asLong());
        assertEquals(3, versions.get("items").get(0).get("version").asLong());
        var v1 = api.get(RULES + "/drift/versions/1").json();
        assertEquals("5m", v1.get("rule").get("for").asText());
        assertEquals("health", v1.get("rule").get("ruleGroup").asText());
        assertEquals(404, api.get(RULES + "/drift/versions/9").status());

        var restored = expect(200, api.post(RULES + "/drift/versions/1/restore", ""));
        assertEquals(4, restored.json().get("version").asLong());
        assertEquals("5m", restored.json().get("for").asText());
        assertEquals("slow", restored.json().get("ruleGroup").asText(), "a restore keeps the current group");
        assertEquals("Restored from version 1", api.get(RULES + "/drift/versions").json().get("items").get(0).get("message").asText());

        assertEquals(1, api.get(RULES + "?folderUid=other").json().get("total").asLong());
        assertEquals(0, api.get(RULES + "?folderUid=ml").json().get("total").asLong());
        expect(204, api.delete(RULES + "/drift"));
        assertEquals(404, api.get(RULES + "/drift/versions").status());
        assertEquals(404, api.delete(RULES + "/drift").status());
    }

    @Test
    void unchangedWritesKeepTheVersionAndGeneratedUidsFollowTheRule() {
        String body = rule("x", "X", "health", "").replace("\"uid\":\"x\",", "");
        var created = expect(201, api.post(RULES, body)).json();
        String uid = created.get("uid").asText();
        assertTrue(uid.matches("[A-Za-z0-9]{12}"), uid);
        ObjectNode roundTrip = (ObjectNode) api.get(RULES + "/" + uid).json();
        var again = expect(200, api.put(RULES + "/" + uid, roundTrip.toString()));
        assertEquals(1, again.json().get("version").asLong(), "a GET body written back is no change");
    }

    @Test
    void contactPointsListSecretFieldsAndKeepThemAcrossReplaces() {
        var created = expect(201, api.post(CONTACT_POINTS, SLACK)).json();
        JsonNode integration = created.get("integrations").get(0);
        assertEquals("slack-1", integration.get("uid").asText());
        assertEquals("{\"url\":true}", integration.get("secureFields").toString());
        assertEquals("#ml", integration.get("settings").get("recipient").asText());
        assertFalse(created.toString().contains("SECRETSLACKTOKEN"));

        ObjectNode back = (ObjectNode) api.get(CONTACT_POINTS + "/slack").json();
        var rewritten = expect(200, api.put(CONTACT_POINTS + "/slack", back.toString())).json();
        assertEquals(1, rewritten.get("version").asLong(), "a GET body written back keeps the secret and changes nothing");
        var added = expect(200, api.put(CONTACT_POINTS + "/slack", """
                {"name":"ml-slack","integrations":[{"uid":"slack-1","type":"slack","settings":{"recipient":"#ml"}},
                 {"type":"email","settings":{"addresses":"ml@example.com"}}]}""")).json();
        assertEquals(2, added.get("version").asLong());
        assertEquals("{\"url\":true}", added.get("integrations").get(0).get("secureFields").toString());
        assertEquals("{}", added.get("integrations").get(1).get("secureFields").toString());
        assertTrue(added.get("integrations").get(1).get("uid").asText().length() > 0);
        assertEquals(1, api.get(CONTACT_POINTS + "?name=ml-slack").json().get("total").asLong());
    }

    @Test
    void policyTreeIsAssembledFromIndividuallyOwnedRoutes() {
        var empty = api.get(POLICY);
        assertEquals(200, empty.status(), empty.toString());
        assertEquals(0, empty.json().get("version").asLong());
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(CONTACT_POINTS, SLACK.replace("\"uid\":\"slack\"", "\"uid\":\"pd\"").replace("ml-slack", "ml-pd")));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        var root = expect(201, api.put(POLICY, """
                {"receiver":"ml-slack","group_by":["alertname"],"group_wait":"30s","group_interval":"5m","repeat_interval":"4h"}"""));
        assertEquals("\"1\"", root.header("ETag"));

        expect(201, api.post(ROUTES, "{\"uid\":\"data\",\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=\",\"data\"]],\"position\":2}"));
        expect(201, api.post(ROUTES, "{\"uid\":\"ml\",\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=\",\"ml\"]],\"position\":1,"
                + "\"mute_time_intervals\":[\"weekly-maintenance\"]}"));
        var child = expect(201, api.put(ROUTES + "/ml-critical", "{\"parentUid\":\"ml\",\"receiver\":\"ml-pd\","
                + "\"object_matchers\":[[\"severity\",\"=\",\"critical\"]],\"continue\":true}")).json();
        assertEquals(0, child.get("position").asLong());
        assertEquals("ml", child.get("parentUid").asText());

        JsonNode tree = api.get(POLICY).json();
        assertEquals("ml-slack", tree.get("receiver").asText());
        assertEquals(List.of("ml", "data"), matcherValues(tree.get("routes")));
        assertEquals("ml-pd", tree.get("routes").get(0).get("routes").get(0).get("receiver").asText());
        assertEquals(2, api.get(ROUTES + "?parentUid=").json().get("total").asLong());
        assertEquals(1, api.get(ROUTES + "?parentUid=ml").json().get("total").asLong());

        expect(200, api.put(ROUTES + "/data", "{\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=\",\"data\"]],\"position\":0}"));
        assertEquals(List.of("data", "ml"), matcherValues(api.get(POLICY).json().get("routes")));
        var rootAgain = expect(200, api.put(POLICY, "{\"receiver\":\"ml-pd\"}", "\"1\"")).json();
        assertEquals(2, rootAgain.get("version").asLong());
        assertEquals(3, api.get(POLICY).json().get("routes").size() + api.get(POLICY).json().get("routes").get(1).get("routes").size());
        var tooMuch = api.put(POLICY, "{\"receiver\":\"ml-pd\",\"routes\":[{\"receiver\":\"ml-slack\"}]}");
        assertEquals(422, tooMuch.status(), tooMuch.toString());
    }

    @Test
    void muteTimingsByUidAndByNameAndTemplatesByName() {
        var created = expect(201, api.post(MUTE_TIMINGS, MAINTENANCE)).json();
        assertEquals("maint", created.get("uid").asText());
        assertEquals("sunday", api.get(MUTE_TIMINGS + "/name/weekly-maintenance").json().get("time_intervals").get(0).get("weekdays").get(0).asText());
        var byName = expect(201, api.put(MUTE_TIMINGS + "/name/nights", "{\"time_intervals\":[{\"times\":[{\"start_time\":\"22:00\",\"end_time\":\"24:00\"}]}]}")).json();
        assertEquals("nights", byName.get("uid").asText(), "a new mute timing named by a valid uid gets its name as uid");
        expect(200, api.put(MUTE_TIMINGS + "/name/nights", "{\"time_intervals\":[{\"weekdays\":[\"monday:friday\"]}]}"));
        assertEquals(2, api.get(MUTE_TIMINGS).json().get("total").asLong());
        expect(204, api.delete(MUTE_TIMINGS + "/name/nights"));
        assertEquals(404, api.get(MUTE_TIMINGS + "/name/nights").status());

        var template = expect(201, api.put(TEMPLATES + "/ml%20notifications", "{\"template\":\"{{ define \\\"ml\\\" }}hi{{ end }}\"}"));
        assertEquals("ml notifications", template.json().get("name").asText());
        assertEquals(1, api.get(TEMPLATES).json().get("total").asLong());
        expect(204, api.delete(TEMPLATES + "/ml%20notifications"));
        assertEquals(404, api.get(TEMPLATES + "/ml%20notifications").status());
    }

    @Test
    void alertingEndpointsAreInTheOpenApiDocument() {
        String openapi = api.get("/openapi.json").body();
        for (String path : new String[] {"/alert-rules/{uid}/versions", "/rule-groups/{folderUid}/{name}", "/contact-points",
                "/notification-policy/routes/{uid}", "/mute-timings/name/{name}", "/templates/{name}", "/alerting/import"}) {
            assertTrue(openapi.contains(path), path);
        }
    }

    private static List<String> matcherValues(JsonNode routes) {
        List<String> values = new ArrayList<>();
        routes.forEach(r -> values.add(r.get("object_matchers").get(0).get(2).asText()));
        return values;
    }
}
