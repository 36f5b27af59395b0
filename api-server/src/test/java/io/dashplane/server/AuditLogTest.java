package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every write of a scenario leaves exactly one audit entry, written with the change; queries filter and page. */
class AuditLogTest extends ServerTestSupport {

    record Expected(String env, String kind, String uid, String action, Long before, Long after, String actor) {}

    @Test
    void everyWriteOfTheScenarioHasItsAuditEntry() {
        long baseline = api.get("/api/v1/audit").json().get("total").asLong(); // the bootstrap account and token
        Accounts.Account editor = Accounts.create(api, "editor", Map.of("default", "Editor"));
        List<Expected> expected = new ArrayList<>();
        expected.add(new Expected(null, "service-account", editor.id(), "create", null, 1L, "admin"));
        expected.add(new Expected(null, "api-token", null, "create", null, null, "admin"));
        Api ed = api.as(editor.token());
        String D = ENV + "/dashboards";

        write(api.post("/api/v1/environments", "{\"name\":\"staging\"}"), 201);
        expected.add(new Expected("staging", "environment", "staging", "create", null, 1L, "admin"));
        write(api.post(ENV + "/datasources", "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\",\"secureJsonData\":{\"password\":\"pw-1\"}}"), 201);
        expected.add(new Expected("default", "datasource", "prom", "create", null, 1L, "admin"));
        write(api.put(ENV + "/datasources/prom", "{\"name\":\"Prom\",\"type\":\"prometheus\",\"url\":\"http://p\"}"), 200);
        expected.add(new Expected("default", "datasource", "prom", "update", 1L, 2L, "admin"));
        write(ed.post(ENV + "/folders", "{\"uid\":\"ml\",\"title\":\"ML\"}"), 201);
        expected.add(new Expected("default", "folder", "ml", "create", null, 1L, "editor"));
        write(ed.post(ENV + "/folders", "{\"uid\":\"sub\",\"title\":\"Sub\"}"), 201);
        expected.add(new Expected("default", "folder", "sub", "create", null, 1L, "editor"));
        write(ed.post(ENV + "/folders/sub/move", "{\"parentUid\":\"ml\"}"), 200);
        expected.add(new Expected("default", "folder", "sub", "update", 1L, 2L, "editor"));
        write(ed.put(D + "/board", "{\"dashboard\":{\"title\":\"Board\"},\"folderUid\":\"ml\"}"), 201);
        expected.add(new Expected("default", "dashboard", "board", "create", null, 1L, "editor"));
        write(ed.put(D + "/board", "{\"dashboard\":{\"title\":\"Board 2\"},\"folderUid\":\"ml\"}"), 200);
        expected.add(new Expected("default", "dashboard", "board", "update", 1L, 2L, "editor"));
        write(ed.send(java.net.http.HttpRequest.newBuilder(ed.uri(D + "/board/versions/1/restore"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())), 200);
        expected.add(new Expected("default", "dashboard", "board", "update", 2L, 3L, "editor"));
        write(ed.delete(D + "/board"), 204);
        expected.add(new Expected("default", "dashboard", "board", "delete", 3L, null, "editor"));
        write(ed.delete(ENV + "/folders/sub"), 204);
        expected.add(new Expected("default", "folder", "sub", "delete", 2L, null, "editor"));
        write(api.delete(ENV + "/datasources/prom"), 204);
        expected.add(new Expected("default", "datasource", "prom", "delete", 2L, null, "admin"));
        write(api.put("/api/v1/service-accounts/" + editor.id() + "/roles/staging", "{\"role\":\"Viewer\"}"), 200);
        expected.add(new Expected("staging", "service-account", editor.id(), "update", 1L, 2L, "admin"));
        write(api.delete("/api/v1/environments/staging"), 204);
        expected.add(new Expected("staging", "environment", "staging", "delete", 1L, null, "admin"));

        // Refused writes leave no entry: the entry is part of the change's transaction.
        assertEquals(409, ed.post(ENV + "/folders", "{\"uid\":\"ml\",\"title\":\"Again\"}").status());
        assertEquals(403, ed.post(ENV + "/datasources", "{\"name\":\"x\",\"type\":\"x\"}").status());
        assertEquals(422, ed.put(D + "/bad", "{\"dashboard\":{\"title\":\"\"}}").status());
        // Dry runs write nothing.
        assertEquals(200, ed.put(D + "/dry?dryRun=true", "{\"dashboard\":{\"title\":\"Dry\"}}").status());

        JsonNode log = api.get("/api/v1/audit?perPage=1000").json();
        assertEquals(baseline + expected.size(), log.get("total").asLong(), log.toString());
        List<JsonNode> entries = new ArrayList<>();
        log.get("items").forEach(entries::add);
        java.util.Collections.reverse(entries); // oldest first
        List<JsonNode> scenario = entries.subList((int) baseline, entries.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            JsonNode a = scenario.get(i);
            String where = "entry " + i + " " + a;
            assertEquals(e.kind(), a.get("kind").asText(), where);
            if (e.uid() != null) {
                assertEquals(e.uid(), a.get("uid").asText(), where);
            }
            assertEquals(e.env(), a.get("env").textValue(), where);
            assertEquals(e.action(), a.get("action").asText(), where);
            assertEquals(e.before(), a.get("versionBefore").isNull() ? null : a.get("versionBefore").asLong(), where);
            assertEquals(e.after(), a.get("versionAfter").isNull() ? null : a.get("versionAfter").asLong(), where);
            assertEquals(e.actor(), a.get("actor").asText(), where);
            assertTrue(a.get("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), where);
            assertTrue(a.get("digest").asText().matches("[0-9a-f]{64}"), where);
        }
        assertFalse(log.toString().contains("pw-1"), "a secret in the audit log");
        assertFalse(log.toString().contains(editor.token()), "a token in the audit log");

        // Filters and paging.
        assertEquals(4, api.get("/api/v1/audit?env=default&kind=dashboard").json().get("total").asLong());
        assertEquals(4, api.get("/api/v1/audit?kind=dashboard&uid=board&perPage=2").json().get("total").asLong());
        assertEquals(2, api.get("/api/v1/audit?kind=dashboard&uid=board&perPage=2&page=2").json().get("items").size());
        long byEditor = expected.stream().filter(e -> e.actor().equals("editor")).count();
        assertEquals(byEditor, api.get("/api/v1/audit?actor=editor").json().get("total").asLong());
        assertEquals(0, api.get("/api/v1/audit?since=2999-01-01T00:00:00Z").json().get("total").asLong());
        assertEquals(0, api.get("/api/v1/audit?until=2001-01-01T00:00:00Z").json().get("total").asLong());
        assertEquals(400, api.get("/api/v1/audit?since=yesterday").status());
        String newest = api.get("/api/v1/audit?perPage=1").json().get("items").get(0).get("at").asText();
        assertEquals(1, api.get("/api/v1/audit?since=" + newest).json().get("total").asLong());
        // Environment admins read their environment's entries; only a server admin reads everything.
        Accounts.Account admin = Accounts.create(api, "env-admin", Map.of("default", "Admin"));
        assertEquals(200, api.as(admin.token()).get("/api/v1/audit?env=default").status());
        assertEquals(403, api.as(admin.token()).get("/api/v1/audit").status());
        assertEquals(403, api.as(editor.token()).get("/api/v1/audit?env=default").status());
    }

    @Test
    void theDigestChangesWithTheContentAndNeverCoversSecrets() {
        String DS = ENV + "/datasources";
        write(api.put(DS + "/a", "{\"name\":\"A\",\"type\":\"x\",\"secureJsonData\":{\"password\":\"one\"}}"), 201);
        write(api.put(DS + "/b", "{\"name\":\"A2\",\"type\":\"x\",\"secureJsonData\":{\"password\":\"two\"}}"), 201);
        JsonNode items = api.get("/api/v1/audit?kind=datasource").json().get("items");
        assertEquals(2, items.size());
        assertTrue(!items.get(0).get("digest").asText().equals(items.get(1).get("digest").asText()));
        assertNull(items.get(0).get("secureJsonData"));
    }

    @Test
    void alertingWritesAreAuditedWithoutTheirSecrets() {
        write(api.post(ENV + "/contact-points", AlertingTestSupport.SLACK), 201);
        write(api.put(ENV + "/templates/t1", "{\"template\":\"{{ define \\\"t1\\\" }}x{{ end }}\"}"), 201);
        write(api.delete(ENV + "/contact-points/slack"), 204);
        JsonNode cp = api.get("/api/v1/audit?kind=contact-point&uid=slack").json();
        assertEquals(2, cp.get("total").asLong(), cp.toString());
        assertEquals("delete", cp.at("/items/0/action").asText());
        assertEquals(1, cp.at("/items/0/versionBefore").asLong());
        assertEquals("create", cp.at("/items/1/action").asText());
        assertEquals(1, api.get("/api/v1/audit?kind=template&uid=t1").json().get("total").asLong());
        assertFalse(api.get("/api/v1/audit?perPage=1000").body().contains("SECRETSLACKTOKEN"));
    }

    private static void write(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
    }
}
