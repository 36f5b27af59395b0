package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promotion of the seed dashboard from staging to prod, where the Prometheus datasources have different uids. */
class PromotionApiTest extends ServerTestSupport {
    static final String STAGING = "/api/v1/environments/staging";
    static final String PROD = "/api/v1/environments/prod";
    static final String SEED = "ml-model-monitoring-v1";

    @BeforeEach
    void environments() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}").status());
        created(api.post(STAGING + "/datasources", """
                {"uid":"prom-staging","name":"Prometheus","type":"prometheus","url":"http://prometheus.staging:9090",
                 "secureJsonData":{"httpHeaderValue1":"Bearer staging"}}"""));
        created(api.post(PROD + "/datasources", """
                {"uid":"prom-prod","name":"Prometheus","type":"prometheus","url":"http://prometheus.prod:9090"}"""));
        created(api.post(STAGING + "/folders", "{\"uid\":\"ml\",\"title\":\"ML\"}"));
        created(api.post(STAGING + "/folders", "{\"uid\":\"ml-models\",\"title\":\"Models\",\"parentUid\":\"ml\"}"));
        String seed = read(corpusDir().resolve("seed-ml-model-monitoring.json"))
                .replace("\"uid\": \"Prometheus\"", "\"uid\": \"prom-staging\"");
        created(api.put(STAGING + "/dashboards/" + SEED, "{\"folderUid\":\"ml-models\",\"dashboard\":" + seed + "}"));
    }

    @Test
    void dryRunApplyUnchangedUpdateAndRecord() {
        JsonNode plan = promote("{\"source\":\"staging\",\"target\":\"prod\",\"selection\":{\"all\":true},\"dryRun\":true}");
        assertEquals(3, plan.at("/summary/create").asInt(), plan.toString());
        assertEquals(0, plan.at("/summary/update").asInt());
        JsonNode dashboard = item(plan, "dashboard", SEED);
        assertEquals("create", dashboard.get("action").asText());
        assertTrue(dashboard.get("rewrites").size() >= 6, dashboard.get("rewrites").toString());
        for (JsonNode r : dashboard.get("rewrites")) {
            assertEquals("prom-staging", r.get("from").asText());
            assertEquals("prom-prod", r.get("to").asText());
        }
        assertEquals("create", item(plan, "folder", "ml-models").get("action").asText());
        assertEquals(404, api.get(PROD + "/dashboards/" + SEED).status(), "a dry run writes nothing");

        var applied = api.send(HttpRequest.newBuilder(api.uri("/api/v1/promotions/" + plan.get("id").asText() + "/apply"))
                .header("X-Dashplane-Actor", "alice").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, applied.status(), applied.toString());
        assertEquals(3, applied.json().at("/promotion/objects").size());
        assertEquals(409, api.post("/api/v1/promotions/" + plan.get("id").asText() + "/apply", "").status(),
                "a plan applies once");

        var prod = api.get(PROD + "/dashboards/" + SEED);
        assertEquals(200, prod.status());
        assertEquals("ml-models", prod.json().at("/meta/folderUid").asText());
        assertFalse(prod.body().contains("prom-staging"), "every reference rewritten");
        assertTrue(prod.body().contains("prom-prod"));
        assertEquals("ml", api.get(PROD + "/folders/ml-models").json().get("parentUid").asText());

        JsonNode again = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        assertEquals(3, again.at("/summary/unchanged").asInt(), again.toString());
        assertEquals(0, again.at("/summary/create").asInt() + again.at("/summary/update").asInt());

        String changed = api.get(STAGING + "/dashboards/" + SEED).json().get("dashboard").toString()
                .replace("\"ML Model Monitoring\"", "\"ML Model Monitoring v2\"");
        assertEquals(200, api.put(STAGING + "/dashboards/" + SEED, "{\"folderUid\":\"ml-models\",\"dashboard\":" + changed + "}").status());
        JsonNode update = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        JsonNode u = item(update, "dashboard", SEED);
        assertEquals("update", u.get("action").asText());
        assertEquals(1, u.get("diff").size(), u.get("diff").toString());
        assertEquals("replace", u.at("/diff/0/op").asText());
        assertEquals("/dashboard/title", u.at("/diff/0/path").asText());
        assertEquals("ML Model Monitoring v2", u.at("/diff/0/value").asText());
        assertEquals(1, u.get("targetVersion").asLong());

        var list = api.get("/api/v1/promotions").json();
        assertEquals(1, list.get("total").asLong());
        JsonNode record = list.at("/items/0");
        // The actor is the authenticated service account; a claimed X-Dashplane-Actor header is ignored.
        assertEquals("admin", record.get("actor").asText());
        assertEquals("staging", record.get("source").asText());
        assertEquals("prod", record.get("target").asText());
        assertEquals(1, item(record.get("objects"), "dashboard", SEED).get("version").asLong());
        assertEquals("admin", api.get("/api/v1/promotions/" + record.get("id").asText()).json().get("actor").asText());
    }

    @Test
    void directPromotionCopiesSelectedDatasourceSecretsAndIsAtomic() {
        created(api.post("/api/v1/environments", "{\"name\":\"dev\"}"));
        var done = api.post("/api/v1/promotions", """
                {"source":"staging","target":"dev","selection":{"datasources":["prom-staging"],"dashboards":["%s"]}}"""
                .formatted(SEED));
        assertEquals(200, done.status(), done.toString());
        assertEquals("admin", done.json().at("/promotion/actor").asText());
        JsonNode ds = api.get("/api/v1/environments/dev/datasources/prom-staging").json();
        assertTrue(ds.at("/secureJsonFields/httpHeaderValue1").asBoolean(), ds.toString());
        assertEquals(200, api.get("/api/v1/environments/dev/dashboards/" + SEED).status());
        assertEquals(200, api.get("/api/v1/environments/dev/folders/ml").status());
    }

    @Test
    void stalePlanIsRefused() {
        JsonNode plan = promote("{\"source\":\"staging\",\"target\":\"prod\",\"selection\":{\"all\":true},\"dryRun\":true}");
        created(api.post(PROD + "/folders", "{\"uid\":\"ml\",\"title\":\"ML in prod\"}"));
        var stale = api.post("/api/v1/promotions/" + plan.get("id").asText() + "/apply", "{}");
        assertEquals(409, stale.status(), stale.toString());
        assertTrue(stale.json().get("detail").asText().contains("changed after the plan was computed"), stale.toString());
        JsonNode first = stale.json().at("/stale/0");
        assertEquals("folder", first.get("kind").asText());
        assertEquals("ml", first.get("uid").asText());
        assertTrue(first.get("planVersion").isNull());
        assertEquals(1, first.get("currentVersion").asLong());
        assertEquals(404, api.get(PROD + "/folders/ml-models").status(), "nothing of a refused plan is written");
        assertEquals(0, api.get("/api/v1/promotions").json().get("total").asLong());
    }

    @Test
    void unmappableDatasourceNamesTheDatasourceAndEveryPlace() {
        created(api.post(STAGING + "/datasources", "{\"uid\":\"loki-staging\",\"name\":\"Loki\",\"type\":\"loki\"}"));
        created(api.put(STAGING + "/dashboards/logs", """
                {"dashboard":{"uid":"logs","title":"Logs","panels":[
                  {"id":1,"type":"logs","datasource":{"type":"loki","uid":"loki-staging"},
                   "targets":[{"refId":"A","datasource":{"type":"loki","uid":"loki-staging"},"expr":"{app=\\"x\\"}"}]}]}}"""));
        var refused = api.post("/api/v1/promotions", "{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        assertEquals(422, refused.status(), refused.toString());
        String detail = refused.json().get("detail").asText();
        assertTrue(detail.contains("'Loki'") && detail.contains("loki-staging"), detail);
        assertTrue(detail.contains("dashboard logs at /panels/0/datasource/uid"), detail);
        assertTrue(detail.contains("dashboard logs at /panels/0/targets/0/datasource/uid"), detail);
        JsonNode unmappable = refused.json().at("/unmappableDatasources/0");
        assertEquals("Loki", unmappable.at("/datasource/name").asText());
        assertEquals(2, unmappable.get("usedBy").size());

        created(api.post(PROD + "/datasources", "{\"uid\":\"logs-prod\",\"name\":\"Logs\",\"type\":\"loki\"}"));
        var mapped = api.post("/api/v1/promotions", """
                {"source":"staging","target":"prod","dryRun":true,"datasourceNameMap":{"Loki":"Logs"}}""");
        assertEquals(200, mapped.status(), mapped.toString());
        assertEquals("logs-prod", item(mapped.json().get("plan"), "dashboard", "logs").at("/rewrites/0/to").asText());
        var badMap = api.post("/api/v1/promotions", """
                {"source":"staging","target":"prod","dryRun":true,"datasourceUidMap":{"loki-staging":"nope"}}""");
        assertEquals(422, badMap.status(), badMap.toString());
        assertEquals("/datasourceUidMap", badMap.json().at("/errors/0/pointer").asText());
    }

    @Test
    void alertRulesAndNotificationsArePromotedWithRewrittenDatasources() throws Exception {
        String alerting = Files.readString(ProvisioningApiTest.examplesDir().resolve("alerting/ml-alerting.yaml"))
                .replace("datasourceUid: Prometheus", "datasourceUid: prom-staging");
        var imported = api.send(HttpRequest.newBuilder(api.uri(STAGING + "/alerting/import"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(alerting)));
        assertEquals(200, imported.status(), imported.toString());

        JsonNode plan = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        JsonNode group = null;
        for (JsonNode i : plan.get("items")) {
            if (i.get("kind").asText().equals("ruleGroup")) {
                group = i;
            }
        }
        assertTrue(group != null, plan.toString());
        assertEquals("create", group.get("action").asText());
        assertTrue(group.get("rewrites").size() >= 2, group.toString());
        assertEquals("/rules/0/data/0/datasourceUid", group.at("/rewrites/0/pointer").asText());
        assertEquals("prom-prod", group.at("/rewrites/0/to").asText());
        assertEquals("create", item(plan, "contactPoint", "ml-slack").get("action").asText());
        assertEquals("create", item(plan, "muteTiming", "weekly-maintenance").get("action").asText());
        assertEquals("create", item(plan, "template", "ml-notifications").get("action").asText());
        assertEquals("create", item(plan, "policies", "root").get("action").asText());

        var applied = api.post("/api/v1/promotions/" + plan.get("id").asText() + "/apply", "");
        assertEquals(200, applied.status(), applied.toString());
        JsonNode rule = api.get(PROD + "/alert-rules/ml-p99-latency-high").json();
        assertEquals("prom-prod", rule.at("/data/0/datasourceUid").asText(), rule.toString());
        JsonNode slack = api.get(PROD + "/contact-points?name=ml-slack").json().at("/items/0");
        assertTrue(slack.at("/integrations/0/secureFields/url").asBoolean(), "secrets copied from staging: " + slack);

        JsonNode again = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        assertEquals(again.at("/summary/unchanged").asInt(), again.get("items").size(), again.toString());

        JsonNode stagingRule = api.get(STAGING + "/alert-rules/ml-p99-latency-high").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) stagingRule).put("for", "10m");
        assertEquals(200, api.put(STAGING + "/alert-rules/ml-p99-latency-high", stagingRule.toString()).status());
        JsonNode update = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        JsonNode changed = item(update, "ruleGroup", group.get("uid").asText());
        assertEquals("update", changed.get("action").asText(), changed.toString());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/rules/0/for\",\"value\":\"10m\"}]", changed.get("diff").toString());

        JsonNode prodRule = api.get(PROD + "/alert-rules/ml-p99-latency-high").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) prodRule).put("title", "edited in prod");
        assertEquals(200, api.put(PROD + "/alert-rules/ml-p99-latency-high", prodRule.toString()).status());
        var stale = api.post("/api/v1/promotions/" + update.get("id").asText() + "/apply", "");
        assertEquals(409, stale.status(), stale.toString());
        assertEquals("ruleGroup", stale.json().at("/stale/0/kind").asText());
    }

    @Test
    void pruneDeletesWhatTheSourceLacks() {
        created(api.post(PROD + "/folders", "{\"uid\":\"legacy\",\"title\":\"Legacy\"}"));
        created(api.put(PROD + "/dashboards/old", "{\"folderUid\":\"legacy\",\"dashboard\":{\"uid\":\"old\",\"title\":\"Old\",\"panels\":[]}}"));
        JsonNode keep = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        assertEquals(0, keep.at("/summary/delete").asInt(), "without prune nothing is deleted");
        JsonNode plan = promote("{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true,\"prune\":true}");
        assertEquals(2, plan.at("/summary/delete").asInt(), plan.toString());
        assertEquals("delete", item(plan, "dashboard", "old").get("action").asText());
        assertEquals("delete", item(plan, "folder", "legacy").get("action").asText());
        assertEquals(200, api.post("/api/v1/promotions/" + plan.get("id").asText() + "/apply", "").status());
        assertEquals(404, api.get(PROD + "/dashboards/old").status());
        assertEquals(404, api.get(PROD + "/folders/legacy").status());
        assertEquals(200, api.get(PROD + "/dashboards/" + SEED).status());
        assertEquals("delete", item(api.get("/api/v1/promotions").json().at("/items/0/objects"), "folder", "legacy")
                .get("action").asText());

        var partial = api.post("/api/v1/promotions", """
                {"source":"staging","target":"prod","selection":{"dashboards":["%s"]},"prune":true}""".formatted(SEED));
        assertEquals(422, partial.status(), partial.toString());
        assertEquals("/prune", partial.json().at("/errors/0/pointer").asText());
    }

    @Test
    void badRequestsAreSpecific() {
        var same = api.post("/api/v1/promotions", "{\"source\":\"prod\",\"target\":\"prod\"}");
        assertEquals(422, same.status(), same.toString());
        assertEquals("/target", same.json().at("/errors/0/pointer").asText());
        var missing = api.post("/api/v1/promotions", "{\"source\":\"nowhere\",\"target\":\"prod\"}");
        assertEquals(422, missing.status(), missing.toString());
        assertEquals("/source", missing.json().at("/errors/0/pointer").asText());
        var unknown = api.post("/api/v1/promotions", "{\"source\":\"staging\",\"target\":\"prod\",\"selection\":{\"every\":true}}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals(404, api.post("/api/v1/promotions/nope/apply", "").status());
    }

    private JsonNode promote(String body) {
        var r = api.post("/api/v1/promotions", body);
        assertEquals(200, r.status(), r.toString());
        assertNotNull(r.json().get("plan"));
        return r.json().get("plan");
    }

    static JsonNode item(JsonNode items, String kind, String uid) {
        JsonNode list = items.has("items") ? items.get("items") : items;
        for (JsonNode i : list) {
            if (i.get("kind").asText().equals(kind) && i.get("uid").asText().equals(uid)) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " " + uid + " in " + items);
    }

    static void created(Api.Reply r) {
        assertTrue(r.status() == 201 || r.status() == 200, r.toString());
    }
}
