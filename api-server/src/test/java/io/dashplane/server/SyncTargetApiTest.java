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

/** The native API of sync targets: create, read, replace, delete, validation, access; the token stays write-only. */
class SyncTargetApiTest extends ServerTestSupport {
    static final String TARGETS = ENV + "/targets";
    static final String TOKEN = "glsa_synctargettoken_0123456789";

    static String body(String name, String url) {
        return "{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"token\":\"" + TOKEN + "\"}";
    }

    @Test
    void aCreatedTargetHasDefaultsAVersionAndOnlyATokenFlag() {
        Api.Reply created = api.post(TARGETS, body("grafana-a", "http://127.0.0.1:3000"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("/api/v1/environments/default/targets/grafana-a",
                java.net.URI.create(created.header("Location")).getPath());
        JsonNode t = created.json();
        assertEquals("grafana-a", t.get("name").asText());
        assertTrue(t.get("hasToken").asBoolean());
        assertFalse(t.has("token"));
        assertEquals(1, t.get("orgId").asLong());
        assertEquals("5m", t.get("resyncInterval").asText());
        assertEquals("revert", t.get("drift").asText());
        assertTrue(t.get("enabled").asBoolean());
        assertFalse(t.get("editable").asBoolean());
        assertFalse(t.get("adopt").asBoolean());
        assertTrue(t.get("folders").isNull());
        assertFalse(t.get("tls").get("insecureSkipVerify").asBoolean());
        assertEquals(1, t.get("version").asLong());
        assertTrue(t.hasNonNull("createdAt") && t.hasNonNull("updatedAt"));

        Api.Reply got = api.get(TARGETS + "/grafana-a");
        assertEquals(200, got.status());
        assertFalse(got.body().contains(TOKEN));
        assertEquals("\"1\"", got.header("ETag"));
        Api.Reply list = api.get(TARGETS);
        assertEquals(1, list.json().get("items").size());
        assertFalse(list.body().contains(TOKEN));
    }

    @Test
    void aPutWithoutATokenKeepsTheStoredOneAndBumpsTheVersion() {
        api.post(TARGETS, body("grafana-a", "http://127.0.0.1:3000"));
        Api.Reply replaced = api.put(TARGETS + "/grafana-a", "{\"name\":\"grafana-a\",\"url\":\"https://g.example.com\","
                + "\"folders\":[\"team-a\"],\"resyncInterval\":\"1h30m\",\"drift\":\"report\",\"enabled\":false}", "\"1\"");
        assertEquals(200, replaced.status(), replaced.toString());
        JsonNode t = replaced.json();
        assertTrue(t.get("hasToken").asBoolean());
        assertEquals(2, t.get("version").asLong());
        assertEquals("team-a", t.get("folders").get(0).asText());
        assertEquals("report", t.get("drift").asText());
        assertFalse(t.get("enabled").asBoolean());
        assertEquals(409, api.put(TARGETS + "/grafana-a", body("grafana-a", "http://x.example"), "\"1\"")
                .status());
        assertEquals("disabled", api.get(TARGETS + "/grafana-a/status").json().get("state").asText());
    }

    @Test
    void deletingATargetRemovesItAndATakenNameIsAConflict() {
        api.post(TARGETS, body("grafana-a", "http://127.0.0.1:3000"));
        assertEquals(409, api.post(TARGETS, body("grafana-a", "http://127.0.0.1:3000")).status());
        assertEquals(204, api.delete(TARGETS + "/grafana-a").status());
        assertEquals(404, api.get(TARGETS + "/grafana-a").status());
        assertEquals(404, api.delete(TARGETS + "/grafana-a").status());
    }

    @Test
    void badNamesUrlsDurationsAndDriftPoliciesAre422WithPointers() {
        Api.Reply r = api.post(TARGETS, "{\"name\":\"Bad_Name\",\"url\":\"ftp://x\",\"resyncInterval\":\"5 minutes\","
                + "\"drift\":\"ignore\",\"orgId\":0,\"folders\":[\"ok\",\"not a uid\"]}");
        assertEquals(422, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertEquals(List.of("/name", "/url", "/orgId", "/folders/1", "/resyncInterval", "/drift"), pointers);
        Api.Reply relative = api.post(TARGETS, body("ok", "/grafana"));
        assertEquals(422, relative.status());
        assertEquals("/url", relative.json().get("errors").get(0).get("pointer").asText());
        Api.Reply zero = api.post(TARGETS, "{\"name\":\"z\",\"url\":\"http://h\",\"resyncInterval\":\"0s\"}");
        assertEquals("/resyncInterval", zero.json().get("errors").get(0).get("pointer").asText());
        Api.Reply unreadable = api.post(TARGETS, "{\"name\":\"c\",\"url\":\"https://h\",\"tls\":{\"caCertificate\":"
                + "\"-----BEGIN CERTIFICATE-----\\nnot base64 at all\\n-----END CERTIFICATE-----\\n\"}}");
        assertEquals(422, unreadable.status(), unreadable.toString());
        assertEquals("/tls/caCertificate", unreadable.json().get("errors").get(0).get("pointer").asText());
        assertEquals(404, api.get(TARGETS + "/c").status(), "nothing stored");
    }

    @Test
    void viewersReadTargetsButOnlyAdminsChangeOrRunThem() {
        api.post(TARGETS, body("grafana-a", "http://127.0.0.1:9"));
        Accounts.Account viewer = Accounts.create(api, "viewer", Map.of("default", "Viewer"));
        Accounts.Account editor = Accounts.create(api, "editor", Map.of("default", "Editor"));
        Api asViewer = api.as(viewer.token());
        assertEquals(200, asViewer.get(TARGETS).status());
        assertEquals(200, asViewer.get(TARGETS + "/grafana-a").status());
        assertEquals(200, asViewer.get(TARGETS + "/grafana-a/status").status());
        assertEquals(403, asViewer.post(TARGETS, body("b", "http://h")).status());
        assertEquals(403, api.as(editor.token()).post(TARGETS, body("b", "http://h")).status());
        assertEquals(403, api.as(editor.token()).post(TARGETS + "/grafana-a/sync", "").status());
        assertEquals(403, asViewer.delete(TARGETS + "/grafana-a").status());
        assertEquals(403, asViewer.post(TARGETS + "/grafana-a/plan", "").status());
        Accounts.Account admin = Accounts.create(api, "env-admin", Map.of("default", "Admin"));
        assertEquals(201, api.as(admin.token()).post(TARGETS, body("b", "http://h")).status());
    }

    @Test
    void theTokenIsNeverInTheAuditLog() {
        api.post(TARGETS, body("grafana-a", "http://127.0.0.1:9"));
        Api.Reply audit = api.get("/api/v1/audit?env=default");
        assertEquals(200, audit.status(), audit.toString());
        assertTrue(audit.body().contains("sync-target"), audit.body());
        assertFalse(audit.body().contains(TOKEN));
        assertNull(null);
    }

    @Test
    void dashboardResponsesCarryTheirUrlInEachTargetThatHoldsThem() {
        String board = "{\"dashboard\":{\"uid\":\"latency\",\"title\":\"API Latency\"}}";
        Api.Reply before = api.post(ENV + "/dashboards", board);
        assertEquals(201, before.status(), before.toString());
        assertEquals(0, before.json().get("targetUrls").size(), before.toString());

        api.post(TARGETS, body("grafana-a", "http://127.0.0.1:9/"));
        api.post(TARGETS, "{\"name\":\"grafana-b\",\"url\":\"https://b.example.com\",\"enabled\":false}");
        api.post(TARGETS, "{\"name\":\"grafana-c\",\"url\":\"https://c.example.com\",\"folders\":[\"team-c\"]}");
        Map<String, String> expected = Map.of("grafana-a", "http://127.0.0.1:9/d/latency/api-latency");
        Api.Reply written = api.put(ENV + "/dashboards/latency", board);
        assertEquals(expected, Api.JSON.convertValue(written.json().get("targetUrls"), Map.class));
        assertEquals(expected, Api.JSON.convertValue(api.get(ENV + "/dashboards/latency").json().at("/meta/targetUrls"),
                Map.class));
        assertEquals(expected, Api.JSON.convertValue(api.get(ENV + "/dashboards").json().at("/items/0/targetUrls"),
                Map.class));
        // a folder-scoped target lists the dashboards of its folders (and their subfolders) only
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"team-c\",\"title\":\"C\"}").status());
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"sub\",\"title\":\"Sub\",\"parentUid\":\"team-c\"}")
                .status());
        Api.Reply inSub = api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"c1\",\"title\":\"C one\"},"
                + "\"folderUid\":\"sub\"}");
        assertEquals(Map.of("grafana-a", "http://127.0.0.1:9/d/c1/c-one", "grafana-c", "https://c.example.com/d/c1/c-one"),
                Api.JSON.convertValue(inSub.json().get("targetUrls"), Map.class));
    }

    @Test
    void dashboardLinksFollowTargetChangesAndTheDeletionOfTheirEnvironment() {
        String staging = "/api/v1/environments/staging";
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(201, api.post(staging + "/targets", body("grafana-s", "https://s.example.com")).status());
        Api.Reply first = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"s1\",\"title\":\"S one\"}}");
        assertEquals(Map.of("grafana-s", "https://s.example.com/d/s1/s-one"),
                Api.JSON.convertValue(first.json().get("targetUrls"), Map.class));

        assertEquals(200, api.put(staging + "/targets/grafana-s", "{\"name\":\"grafana-s\",\"url\":\"https://s.example.com\","
                + "\"enabled\":false}", "\"1\"").status());
        Api.Reply disabled = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"s2\",\"title\":\"S two\"}}");
        assertEquals(0, disabled.json().get("targetUrls").size(), disabled.toString());

        assertEquals(200, api.put(staging + "/targets/grafana-s", "{\"name\":\"grafana-s\",\"url\":\"https://t.example.com\"}",
                "\"2\"").status());
        Api.Reply moved = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"s3\",\"title\":\"S three\"}}");
        assertEquals(Map.of("grafana-s", "https://t.example.com/d/s3/s-three"),
                Api.JSON.convertValue(moved.json().get("targetUrls"), Map.class));

        // deleting the environment deletes its targets with it: a new environment of the same name has none
        assertEquals(204, api.delete(staging + "?force=true").status());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        Api.Reply again = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"s1\",\"title\":\"S one\"}}");
        assertEquals(201, again.status(), again.toString());
        assertEquals(0, again.json().get("targetUrls").size(), again.toString());

        assertEquals(201, api.post(staging + "/targets", body("grafana-s", "https://u.example.com")).status());
        assertEquals(204, api.delete(staging + "/targets/grafana-s").status());
        Api.Reply deleted = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"s4\",\"title\":\"S four\"}}");
        assertEquals(0, deleted.json().get("targetUrls").size(), deleted.toString());
    }

    @Test
    void theDashboardUrlRedirectsToTheFirstTargetOrElseToTheGrafanaDoor() {
        api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"latency\",\"title\":\"API Latency\"}}");
        Api.Reply door = api.get("/d/latency/api-latency");
        assertEquals(302, door.status(), door.toString());
        assertEquals("/grafana/default/api/dashboards/uid/latency", java.net.URI.create(door.header("Location")).getPath());

        api.post(TARGETS, "{\"name\":\"b-second\",\"url\":\"https://b.example.com\",\"enabled\":true}");
        api.post(TARGETS, "{\"name\":\"a-first\",\"url\":\"https://a.example.com/grafana\"}");
        Api.Reply redirected = api.get("/d/latency/any-slug");
        assertEquals(302, redirected.status());
        assertEquals("https://a.example.com/grafana/d/latency/api-latency", redirected.header("Location"));
        assertEquals(404, api.get("/d/nothing/here").status());
        assertEquals(401, api.as(null).get("/d/latency/api-latency").status());
        Accounts.Account stranger = Accounts.create(api, "stranger", Map.of());
        assertEquals(404, api.as(stranger.token()).get("/d/latency/api-latency").status());
    }

    @Test
    void aTargetWhoseLeaseAnotherProcessHoldsIsNotPushedByThisOne() {
        server.services().database().write(tx -> tx.insertInto(org.jooq.impl.DSL.table("sync_leases"),
                        org.jooq.impl.DSL.field("env"), org.jooq.impl.DSL.field("target"),
                        org.jooq.impl.DSL.field("holder"), org.jooq.impl.DSL.field("expires_at"))
                .values("default", "grafana-a", "another-replica", "2999-01-01T00:00:00Z").execute());
        api.post(TARGETS, body("grafana-a", "http://127.0.0.1:9"));
        Api.Reply refused = api.post(TARGETS + "/grafana-a/sync", "");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("lease"), refused.toString());
        assertEquals("pending", api.get(TARGETS + "/grafana-a/status").json().get("state").asText());
    }
}
