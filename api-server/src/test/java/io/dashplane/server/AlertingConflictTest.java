package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every alerting conflict: stale versions, taken names, referenced objects, non-empty containers. */
class AlertingConflictTest extends AlertingTestSupport {
    @BeforeEach
    void seedDefault() {
        seed(ENV);
    }

    @Test
    void staleVersionsAreRefusedOnEveryKind() {
        expect(201, api.put(RULES + "/r", rule("r", "R", "health", "")));
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        expect(201, api.put(TEMPLATES + "/t", "{\"template\":\"{{ define \\\"t\\\" }}x{{ end }}\"}"));
        expect(201, api.put(POLICY, "{\"receiver\":\"ml-slack\"}"));
        expect(201, api.post(ROUTES, "{\"uid\":\"team\",\"receiver\":\"ml-slack\"}"));

        stale(RULES + "/r", rule("r", "R2", "health", ""));
        stale(CONTACT_POINTS + "/slack", SLACK.replace("#ml", "#ml2"));
        stale(MUTE_TIMINGS + "/maint", MAINTENANCE.replace("sunday", "saturday"));
        stale(MUTE_TIMINGS + "/name/weekly-maintenance", MAINTENANCE.replace("sunday", "monday"));
        stale(TEMPLATES + "/t", "{\"template\":\"{{ define \\\"t\\\" }}y{{ end }}\"}");
        stale(POLICY, "{\"receiver\":\"ml-slack\",\"group_by\":[\"alertname\"]}");
        stale(ROUTES + "/team", "{\"receiver\":\"ml-slack\",\"continue\":true}");
        stale(GROUPS + "/ml/health", "{\"interval\":\"2m\"}");

        var bodyVersion = api.put(RULES + "/r", rule("r", "R3", "health", "\"version\":1"));
        assertEquals(409, bodyVersion.status(), bodyVersion.toString());
        var deleteStale = deleteIfMatch(RULES + "/r", "\"1\"");
        assertEquals(409, deleteStale.status(), deleteStale.toString());
        assertEquals(404, api.put(RULES + "/absent", rule("absent", "Absent", "health", ""), "\"1\"").status());
        assertEquals(400, api.put(RULES + "/r", rule("r", "R", "health", ""), "one").status());
    }

    /** Writes once with the current ETag (200, version+1), then again with the old one (409 with currentVersion). */
    private void stale(String path, String body) {
        var current = expect(200, api.get(path));
        String etag = current.header("ETag");
        long version = current.json().get("version").asLong();
        assertEquals("\"" + version + "\"", etag, path);
        var written = expect(200, api.put(path, body, etag));
        assertEquals(version + 1, written.json().get("version").asLong(), written.toString());
        assertEquals("\"" + (version + 1) + "\"", written.header("ETag"));
        var conflict = api.put(path, body, etag);
        assertEquals(409, conflict.status(), conflict.toString());
        assertEquals("https://dashplane.io/problems/version-conflict", conflict.json().get("type").asText());
        assertEquals(version + 1, conflict.json().get("currentVersion").asLong(), conflict.toString());
    }

    @Test
    void namesAreUnique() {
        expect(201, api.post(CONTACT_POINTS, SLACK));
        var cp = api.post(CONTACT_POINTS, SLACK.replace("\"uid\":\"slack\"", "\"uid\":\"other\""));
        assertEquals(409, cp.status(), cp.toString());
        assertEquals("slack", cp.json().get("conflictingUid").asText());
        assertEquals(409, api.post(CONTACT_POINTS, SLACK.replace("ml-slack", "another")).status(), "uid taken");

        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        assertEquals(409, api.post(MUTE_TIMINGS, MAINTENANCE.replace("\"uid\":\"maint\"", "\"uid\":\"m2\"")).status());

        expect(201, api.put(RULES + "/a", rule("a", "Same title", "health", "")));
        var title = api.put(RULES + "/b", rule("b", "Same title", "health", ""));
        assertEquals(409, title.status(), title.toString());
        assertEquals(409, api.post(RULES, rule("a", "Other title", "health", "")).status(), "uid taken");

        expect(201, api.put(TEMPLATES + "/one", "{\"template\":\"{{ define \\\"shared\\\" }}1{{ end }}\"}"));
        var defined = api.put(TEMPLATES + "/two", "{\"template\":\"{{ define \\\"shared\\\" }}2{{ end }}\"}");
        assertEquals(409, defined.status(), defined.toString());
    }

    @Test
    void referencedContactPointCannotBeDeletedOrRenamed() {
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(CONTACT_POINTS, SLACK.replace("\"uid\":\"slack\"", "\"uid\":\"spare\"").replace("ml-slack", "spare")));
        expect(201, api.put(POLICY, "{\"receiver\":\"ml-slack\"}"));
        expect(201, api.post(ROUTES, "{\"uid\":\"team\",\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=\",\"ml\"]]}"));
        expect(201, api.put(RULES + "/r", rule("r", "R", "health", "\"notification_settings\":{\"receiver\":\"ml-slack\"}")));

        var refused = api.delete(CONTACT_POINTS + "/slack");
        assertEquals(409, refused.status(), refused.toString());
        assertEquals(Set.of("notification-policy:", "notification-route:team", "alert-rule:r"), referrers(refused.json()));
        var rename = api.put(CONTACT_POINTS + "/slack", SLACK.replace("\"name\":\"ml-slack\"", "\"name\":\"renamed\""));
        assertEquals(409, rename.status(), rename.toString());

        expect(200, api.put(POLICY, "{\"receiver\":\"spare\"}"));
        expect(204, api.delete(ROUTES + "/team"));
        assertEquals(Set.of("alert-rule:r"), referrers(api.delete(CONTACT_POINTS + "/slack").json()));
        expect(204, api.delete(RULES + "/r"));
        expect(204, api.delete(CONTACT_POINTS + "/slack"));
        assertEquals(404, api.get(CONTACT_POINTS + "/slack").status());
    }

    @Test
    void referencedMuteTimingCannotBeDeleted() {
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        expect(201, api.post(ROUTES, "{\"uid\":\"team\",\"receiver\":\"ml-slack\",\"mute_time_intervals\":[\"weekly-maintenance\"]}"));
        expect(201, api.put(RULES + "/r", rule("r", "R", "health",
                "\"notification_settings\":{\"receiver\":\"ml-slack\",\"active_time_intervals\":[\"weekly-maintenance\"]}")));

        var byUid = api.delete(MUTE_TIMINGS + "/maint");
        assertEquals(409, byUid.status(), byUid.toString());
        assertEquals(Set.of("notification-route:team", "alert-rule:r"), referrers(byUid.json()));
        assertEquals(409, api.delete(MUTE_TIMINGS + "/name/weekly-maintenance").status());
        assertEquals(409, api.put(MUTE_TIMINGS + "/maint", MAINTENANCE.replace("weekly-maintenance", "renamed")).status());

        expect(204, api.delete(RULES + "/r"));
        expect(204, api.delete(ROUTES + "/team"));
        expect(204, api.delete(MUTE_TIMINGS + "/name/weekly-maintenance"));
    }

    @Test
    void folderWithRulesIsDeletedOnlyWhenForced() {
        expect(201, api.put(RULES + "/r", rule("r", "R", "health", "")));
        var refused = api.delete(ENV + "/folders/ml");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("1 alert rules"), refused.toString());
        expect(204, api.delete(ENV + "/folders/ml?force=true"));
        assertEquals(404, api.get(RULES + "/r").status());
        assertEquals(404, api.get(GROUPS + "/ml/health").status());
    }

    @Test
    void ruleGroupWithRulesAndRouteWithChildrenAreDeletedOnlyWhenForced() {
        expect(201, api.put(RULES + "/r", rule("r", "R", "health", "")));
        var group = api.delete(GROUPS + "/ml/health");
        assertEquals(409, group.status(), group.toString());
        assertEquals("r", group.json().get("rules").get(0).asText());
        expect(204, api.delete(GROUPS + "/ml/health?force=true"));
        assertEquals(404, api.get(RULES + "/r").status());

        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(ROUTES, "{\"uid\":\"parent\",\"receiver\":\"ml-slack\"}"));
        expect(201, api.post(ROUTES, "{\"uid\":\"child\",\"parentUid\":\"parent\",\"receiver\":\"ml-slack\"}"));
        assertEquals(409, api.delete(ROUTES + "/parent").status());
        var cycle = api.put(ROUTES + "/parent", "{\"parentUid\":\"child\",\"receiver\":\"ml-slack\"}");
        assertEquals(422, cycle.status(), cycle.toString());
        expect(204, api.delete(ROUTES + "/parent?force=true"));
        assertEquals(404, api.get(ROUTES + "/child").status());
    }

    @Test
    void environmentHoldingOnlyAlertingObjectsIsDeletedOnlyWhenForced() {
        expect(201, api.post("/api/v1/environments", "{\"name\":\"alerts\"}"));
        expect(201, api.put("/api/v1/environments/alerts/templates/t", "{\"template\":\"{{ define \\\"t\\\" }}x{{ end }}\"}"));
        assertEquals(409, api.delete("/api/v1/environments/alerts").status());
        expect(204, api.delete("/api/v1/environments/alerts?force=true"));
    }

    private static Set<String> referrers(JsonNode problem) {
        Set<String> out = new HashSet<>();
        problem.get("referrers").forEach(r -> out.add(r.get("kind").asText() + ":" + r.path("uid").asText("")));
        return out;
    }
}
