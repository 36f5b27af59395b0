package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Grafana-compatible door over real HTTP: Grafana's paths, shapes, status codes and error bodies. */
class GrafanaApiTest extends ServerTestSupport {
    static final String G = "/grafana/default/api";

    @Test
    void healthAndFrontendSettingsAnswerWithoutATokenAndAThreePartVersion() {
        Api anonymous = api.as(null);
        Api.Reply health = anonymous.get(G + "/health");
        assertEquals(200, health.status(), health.toString());
        assertTrue(health.json().get("version").asText().matches("\\d+\\.\\d+\\.\\d+"));
        Api.Reply settings = anonymous.get("/api/frontend/settings");
        assertEquals(200, settings.status(), settings.toString());
        assertEquals(health.json().get("version"), settings.json().at("/buildInfo/version"));
    }

    @Test
    void aDashboardSavedThroughGrafanaReadsBackAsSentThroughBothDoors() {
        Api.Reply folder = api.post(G + "/folders", "{\"uid\": \"ml\", \"title\": \"ML\"}");
        assertEquals(200, folder.status(), folder.toString());
        long folderId = folder.json().get("id").asLong();
        assertTrue(folderId > 0);
        String dashboard = "{\"id\": null, \"uid\": \"g1\", \"title\": \"Grafana door\", \"tags\": [\"door\"],"
                + " \"panels\": [], \"schemaVersion\": 39, \"refresh\": \"1e400\", \"weight\": 1.50}";
        Api.Reply saved = api.post(G + "/dashboards/db",
                "{\"dashboard\": " + dashboard + ", \"folderId\": " + folderId + ", \"message\": \"first\"}");
        assertEquals(200, saved.status(), saved.toString());
        JsonNode s = saved.json();
        assertEquals("g1", s.get("uid").asText());
        assertEquals("success", s.get("status").asText());
        assertEquals(1, s.get("version").asInt());
        assertEquals("/d/g1/grafana-door", s.get("url").asText());
        assertEquals("grafana-door", s.get("slug").asText());
        assertTrue(s.get("id").asLong() > 0);

        Api.Reply read = api.get(G + "/dashboards/uid/g1");
        assertEquals(200, read.status(), read.toString());
        JsonNode r = read.json();
        assertEquals(s.get("id"), r.at("/dashboard/id"));
        assertEquals(1, r.at("/dashboard/version").asInt());
        assertEquals("Grafana door", r.at("/dashboard/title").asText());
        assertTrue(read.body().contains("\"weight\":1.50"), "number spelling kept: " + read.body());
        assertEquals("ml", r.at("/meta/folderUid").asText());
        assertEquals(folderId, r.at("/meta/folderId").asLong());
        assertEquals("ML", r.at("/meta/folderTitle").asText());
        assertEquals("db", r.at("/meta/type").asText());
        assertFalse(r.at("/meta/provisioned").asBoolean());

        Api.Reply nativeRead = api.get(ENV + "/dashboards/g1");
        assertEquals(Api.JSON.valueToTree(parse(dashboard)), nativeRead.json().get("dashboard"));
        assertEquals("ml", nativeRead.json().at("/meta/folderUid").asText());
        assertEquals("first", nativeRead.json().at("/meta/message").asText());
    }

    @Test
    void aStaleVersionIsA412VersionMismatchAndOverwriteWins() {
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"v\", \"title\": \"V\"}}");
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"v\", \"title\": \"V\", \"version\": 1}}");
        Api.Reply stale = api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"v\", \"title\": \"V2\", \"version\": 1}}");
        assertEquals(412, stale.status(), stale.toString());
        assertEquals("version-mismatch", stale.json().get("status").asText());
        assertTrue(stale.json().get("message").asText().contains("changed by someone else"));
        Api.Reply forced = api.post(G + "/dashboards/db",
                "{\"dashboard\": {\"uid\": \"v\", \"title\": \"V2\", \"version\": 1}, \"overwrite\": true}");
        assertEquals(200, forced.status(), forced.toString());
        assertEquals(3, forced.json().get("version").asInt());
    }

    @Test
    void aSecondDashboardWithTheSameTitleInTheFolderIsA412NameExists() {
        assertEquals(200, api.post(G + "/dashboards/db", "{\"dashboard\": {\"title\": \"Same\"}}").status());
        Api.Reply again = api.post(G + "/dashboards/db", "{\"dashboard\": {\"id\": null, \"title\": \"Same\"}}");
        assertEquals(412, again.status(), again.toString());
        assertEquals("name-exists", again.json().get("status").asText());
    }

    @Test
    void deletingThroughGrafanaAnswersGrafanasBodyAndTheDashboardIsGone() {
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"d\", \"title\": \"Doomed\"}}");
        Api.Reply deleted = api.delete(G + "/dashboards/uid/d");
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals("Doomed", deleted.json().get("title").asText());
        Api.Reply gone = api.get(G + "/dashboards/uid/d");
        assertEquals(404, gone.status());
        assertTrue(gone.json().has("message"), gone.toString());
        assertEquals(404, api.get(ENV + "/dashboards/d").status());
    }

    @Test
    void versionsListNewestFirstInGrafanasShape() {
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"h\", \"title\": \"H\"}, \"message\": \"one\"}");
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"h\", \"title\": \"H\", \"version\": 1}, \"message\": \"two\"}");
        JsonNode versions = api.get(G + "/dashboards/uid/h/versions").json();
        assertEquals(2, versions.get("versions").size(), versions.toString());
        assertEquals(2, versions.at("/versions/0/version").asInt());
        assertEquals("two", versions.at("/versions/0/message").asText());
        assertEquals("h", versions.at("/versions/0/uid").asText());
    }

    @Test
    void searchFindsFoldersAndDashboardsByQueryTagTypeAndFolder() {
        api.post(G + "/folders", "{\"uid\": \"f1\", \"title\": \"Team A\"}");
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"s1\", \"title\": \"Alpha latency\", \"tags\": [\"prod\"]}, \"folderUid\": \"f1\"}");
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"s2\", \"title\": \"Beta errors\"}}");
        JsonNode all = api.get(G + "/search").json();
        assertEquals(3, all.size(), all.toString());
        assertEquals("dash-folder", all.get(0).get("type").asText());
        assertEquals(1, api.get(G + "/search?type=dash-folder").json().size());
        JsonNode byTag = api.get(G + "/search?tag=prod").json();
        assertEquals(1, byTag.size());
        assertEquals("s1", byTag.get(0).get("uid").asText());
        assertEquals("f1", byTag.get(0).get("folderUid").asText());
        assertEquals("Team A", byTag.get(0).get("folderTitle").asText());
        assertEquals("s2", api.get(G + "/search?query=beta").json().get(0).get("uid").asText());
        assertEquals(1, api.get(G + "/search?type=dash-db&folderUIDs=f1").json().size());
        assertEquals("s2", api.get(G + "/search?type=dash-db&folderIds=0").json().get(0).get("uid").asText());
        assertEquals(1, api.get(G + "/search?dashboardUIDs=s2").json().size());
        assertEquals(1, api.get(G + "/search?limit=1&page=2").json().size());
        assertEquals(400, api.get(G + "/search?type=nonsense").status());
    }

    @Test
    void foldersNestMoveUpdateWithVersionsAndDeleteWithTheirDashboards() {
        api.post(G + "/folders", "{\"uid\": \"top\", \"title\": \"Top\"}");
        Api.Reply child = api.post(G + "/folders", "{\"uid\": \"kid\", \"title\": \"Kid\", \"parentUid\": \"top\"}");
        assertEquals("top", child.json().get("parentUid").asText(), child.toString());
        assertEquals(1, api.get(G + "/folders").json().size());
        assertEquals("kid", api.get(G + "/folders?parentUid=top").json().get(0).get("uid").asText());
        long id = child.json().get("id").asLong();
        assertEquals("kid", api.get(G + "/folders/id/" + id).json().get("uid").asText());
        Api.Reply stale = api.put(G + "/folders/kid", "{\"title\": \"Kid 2\", \"version\": 7}");
        assertEquals(412, stale.status(), stale.toString());
        Api.Reply renamed = api.put(G + "/folders/kid", "{\"title\": \"Kid 2\", \"version\": 1}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Kid 2", renamed.json().get("title").asText());
        Api.Reply moved = api.post(G + "/folders/kid/move", "{\"parentUid\": \"\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertFalse(moved.json().has("parentUid"));
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"in-kid\", \"title\": \"In kid\"}, \"folderUid\": \"kid\"}");
        Api.Reply deleted = api.delete(G + "/folders/kid");
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(404, api.get(ENV + "/dashboards/in-kid").status());
        assertEquals(404, api.get(G + "/folders/kid").status());
    }

    @Test
    void datasourcesByIdUidAndNameWithWriteOnlySecrets() {
        Api.Reply created = api.post(G + "/datasources", "{\"name\": \"Prom\", \"type\": \"prometheus\","
                + " \"access\": \"proxy\", \"url\": \"http://prom:9090\", \"orgId\": 1, \"withCredentials\": true,"
                + " \"secureJsonData\": {\"httpHeaderValue1\": \"s3cr3t\"}}");
        assertEquals(200, created.status(), created.toString());
        assertEquals("Datasource added", created.json().get("message").asText());
        long id = created.json().get("id").asLong();
        String uid = created.json().at("/datasource/uid").asText();
        assertFalse(created.body().contains("s3cr3t"));
        JsonNode byId = api.get(G + "/datasources/" + id).json();
        assertTrue(byId.get("withCredentials").asBoolean(), "withCredentials is kept: " + byId);
        assertTrue(api.get(ENV + "/datasources/" + uid).json().get("withCredentials").asBoolean());
        assertEquals("Prom", byId.get("name").asText());
        assertTrue(byId.at("/secureJsonFields/httpHeaderValue1").asBoolean(), byId.toString());
        assertEquals(byId, api.get(G + "/datasources/uid/" + uid).json());
        assertEquals(byId, api.get(G + "/datasources/name/Prom").json());
        assertEquals(id, api.get(G + "/datasources/id/Prom").json().get("id").asLong());
        assertEquals(1, api.get(G + "/datasources").json().size());
        Api.Reply updated = api.put(G + "/datasources/" + id,
                "{\"name\": \"Prom\", \"type\": \"prometheus\", \"access\": \"proxy\", \"url\": \"http://prom2:9090\"}");
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("http://prom2:9090", api.get(ENV + "/datasources/" + uid).json().get("url").asText());
        assertTrue(api.get(G + "/datasources/" + id).json().at("/secureJsonFields/httpHeaderValue1").asBoolean(),
                "a secret not sent on update is kept");
        api.put(G + "/datasources/uid/" + uid, "{\"name\": \"Prom\", \"type\": \"prometheus\", \"url\": \"http://prom2:9090\","
                + " \"secureJsonData\": {\"basicAuthPassword\": \"other\"}}");
        JsonNode merged = api.get(G + "/datasources/uid/" + uid).json().get("secureJsonFields");
        assertTrue(merged.path("httpHeaderValue1").asBoolean() && merged.path("basicAuthPassword").asBoolean(),
                "secureJsonData merges on update, as in Grafana: " + merged);
        api.post(G + "/dashboards/db", "{\"dashboard\": {\"uid\": \"uses\", \"title\": \"Uses\", \"panels\": [{\"id\": 1,"
                + " \"type\": \"timeseries\", \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 12, \"h\": 8},"
                + " \"datasource\": {\"type\": \"prometheus\", \"uid\": \"" + uid + "\"}}]}}");
        Api.Reply refused = api.delete(G + "/datasources/uid/" + uid);
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().has("message"));
        api.delete(G + "/dashboards/uid/uses");
        Api.Reply deleted = api.delete(G + "/datasources/name/Prom");
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(404, api.get(G + "/datasources/" + id).status());
    }

    @Test
    void importBindsInputsAndStoresTheResolvedDashboard() {
        api.put(ENV + "/datasources/prom-main", "{\"name\": \"Prometheus\", \"type\": \"prometheus\", \"url\": \"http://p\"}");
        String shared = "{\"__inputs\": [{\"name\": \"DS_PROMETHEUS\", \"type\": \"datasource\", \"pluginId\": \"prometheus\"}],"
                + " \"__requires\": [], \"uid\": \"shared\", \"title\": \"Shared\", \"panels\": [{\"id\": 1, \"type\": \"stat\","
                + " \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4},"
                + " \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${DS_PROMETHEUS}\"}}]}";
        Api.Reply missing = api.post(G + "/dashboards/import", "{\"dashboard\": " + shared + "}");
        assertEquals(400, missing.status(), missing.toString());
        assertTrue(missing.json().get("message").asText().contains("DS_PROMETHEUS"));
        Api.Reply imported = api.post(G + "/dashboards/import", "{\"dashboard\": " + shared + ", \"overwrite\": true,"
                + " \"inputs\": [{\"name\": \"DS_PROMETHEUS\", \"type\": \"datasource\", \"pluginId\": \"prometheus\", \"value\": \"prom-main\"}]}");
        assertEquals(200, imported.status(), imported.toString());
        assertTrue(imported.json().get("imported").asBoolean());
        JsonNode stored = api.get(ENV + "/dashboards/shared").json().get("dashboard");
        assertEquals("prom-main", stored.at("/panels/0/datasource/uid").asText());
        assertFalse(stored.has("__inputs"));
    }

    @Test
    void theRootApiChoosesTheEnvironmentByOrgId() {
        Api.Reply env = api.post("/api/v1/environments", "{\"name\": \"prod\", \"orgId\": 7}");
        assertEquals(201, env.status(), env.toString());
        assertEquals(7, env.json().get("orgId").asInt());
        assertEquals(1, api.get("/api/v1/environments/default").json().get("orgId").asInt());
        assertEquals(409, api.post("/api/v1/environments", "{\"name\": \"other\", \"orgId\": 7}").status());
        Api.Reply inProd = api.send(HttpRequest.newBuilder(api.uri("/api/dashboards/db"))
                .header("Content-Type", "application/json").header("X-Grafana-Org-Id", "7")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dashboard\": {\"uid\": \"p1\", \"title\": \"Prod only\"}}")));
        assertEquals(200, inProd.status(), inProd.toString());
        assertEquals(200, api.get("/api/v1/environments/prod/dashboards/p1").status());
        assertEquals(404, api.get("/api/dashboards/uid/p1").status(), "org 1 is the default environment");
        assertEquals(200, api.get("/grafana/prod/api/dashboards/uid/p1").status());
        Api.Reply org = api.send(HttpRequest.newBuilder(api.uri("/api/org")).header("X-Grafana-Org-Id", "7"));
        assertEquals("prod", org.json().get("name").asText(), org.toString());
        Api.Reply unknown = api.send(HttpRequest.newBuilder(api.uri("/api/search")).header("X-Grafana-Org-Id", "99"));
        assertEquals(404, unknown.status(), unknown.toString());
        assertTrue(unknown.json().get("message").asText().contains("99"));
    }

    @Test
    void rolesAreTheNativeOnesAndErrorsAreGrafanaShaped() {
        Api.Reply anonymous = api.as(null).get(G + "/search");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.json().has("message"), anonymous.toString());
        assertTrue(anonymous.contentType().startsWith("application/json"), anonymous.contentType());
        for (String bad : new String[] {"{", "[]", "{\"dashboard\": 3}", "{\"dashboard\": {\"title\": \"\"}}",
                "{\"dashboard\": {\"title\": \"x\"}, \"folderUid\": \"missing\"}",
                "{\"dashboard\": {\"title\": \"x\"}, \"folderId\": 12345}"}) {
            Api.Reply r = api.post(G + "/dashboards/db", bad);
            assertTrue(r.status() >= 400 && r.status() < 500, bad + " -> " + r);
            assertTrue(r.json().has("message"), r.toString());
            assertFalse(r.json().has("type"), "not a problem document: " + r);
        }
    }

    @Test
    void basicAuthWorksThroughTheDoorWhenTheServerEnablesIt(@org.junit.jupiter.api.io.TempDir Path otherDir) {
        String basic = TokenLifecycleTest.basic("admin", io.dashplane.server.config.ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);
        Api.Reply refused = api.send(HttpRequest.newBuilder(api.uri(G + "/search")).header("Authorization", basic));
        assertEquals(401, refused.status(), "basic auth is off by default: " + refused);
        assertTrue(refused.json().has("message"));
        var config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        try (RunningServer withBasic = DashplaneServer.start(config.withSecurity(config.security().withBasicAuth(true)))) {
            Api client = new Api(withBasic.baseUri(), null);
            Api.Reply switched = client.send(HttpRequest.newBuilder(client.uri("/api/user/using/1"))
                    .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, switched.status(), switched.toString());
            Api.Reply search = client.send(HttpRequest.newBuilder(client.uri(G + "/search")).header("Authorization", basic));
            assertEquals(200, search.status(), search.toString());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

}
