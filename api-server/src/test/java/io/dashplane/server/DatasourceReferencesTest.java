package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V3_1__index_datasource_references;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Deleting a datasource that dashboards still name is a 409 listing them, unless forced. */
class DatasourceReferencesTest extends ServerTestSupport {
    private static final String DS = ENV + "/datasources";
    private static final String D = ENV + "/dashboards";

    @Test
    void referencedDatasourceIsNotDeletedUnlessForced() {
        assertEquals(201, api.post(DS, "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}").status());
        assertEquals(201, api.post(DS, "{\"uid\":\"loki\",\"name\":\"Loki\",\"type\":\"loki\"}").status());
        // By uid in a panel and its target; by name (legacy string form) in a variable; unrelated.
        post("{\"uid\":\"by-uid\",\"title\":\"By uid\",\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"type\":\"prometheus\",\"uid\":\"prom\"},"
                + "\"targets\":[{\"refId\":\"A\",\"datasource\":{\"uid\":\"prom\"}}]}]}");
        post("{\"uid\":\"by-name\",\"title\":\"By name\",\"templating\":{\"list\":[{\"name\":\"q\",\"type\":\"query\","
                + "\"datasource\":\"Prom\",\"query\":\"up\"}]}}");
        post("{\"uid\":\"other\",\"title\":\"Other\",\"panels\":[{\"id\":1,\"type\":\"logs\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"uid\":\"loki\"}}]}");

        var refused = api.delete(DS + "/prom");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        JsonNode referrers = refused.json().get("referrers");
        assertEquals(2, referrers.size(), refused.toString());
        assertEquals("dashboard", referrers.get(0).get("kind").asText());
        assertEquals("by-name", referrers.get(0).get("uid").asText());
        assertEquals("By name", referrers.get(0).get("title").asText());
        assertEquals(List.of("/templating/list/0/datasource"), texts(referrers.get(0).get("pointers")));
        assertEquals("by-uid", referrers.get(1).get("uid").asText());
        assertEquals(List.of("/panels/0/datasource", "/panels/0/targets/0/datasource"),
                texts(referrers.get(1).get("pointers")));
        assertEquals(200, api.get(DS + "/prom").status(), "a refused delete deletes nothing");

        // A new version without the reference, and a deleted dashboard, no longer count.
        assertEquals(200, api.put(D + "/by-uid", "{\"dashboard\":{\"uid\":\"by-uid\",\"title\":\"By uid\"}}").status());
        assertEquals(204, api.delete(D + "/other").status());
        var stillNamed = api.delete(DS + "/prom");
        assertEquals(409, stillNamed.status());
        assertEquals(1, stillNamed.json().get("referrers").size());
        assertEquals(204, api.delete(DS + "/loki").status(), "no dashboard names loki any more");

        assertEquals(400, api.delete(DS + "/prom?force=maybe").status());
        assertEquals(204, api.delete(DS + "/prom?force=true").status());
        assertEquals(404, api.get(DS + "/prom").status());
        assertEquals(200, api.get(D + "/by-name").status(), "forcing keeps the referring dashboards");
    }

    @Test
    void referencesSurviveARestartAndFollowTheEnvironment() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(201, api.post(DS, "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}").status());
        String stagingDs = "/api/v1/environments/staging/datasources";
        assertEquals(201, api.post(stagingDs, "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}").status());
        post("{\"uid\":\"dash\",\"title\":\"Dash\",\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"uid\":\"prom\"}}]}");
        restart();
        assertEquals(409, api.delete(DS + "/prom").status());
        assertEquals(204, api.delete(stagingDs + "/prom").status(), "references are per environment");

        // Dashboards deleted through their folder or their environment take their references along.
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"ops\",\"title\":\"Ops\"}").status());
        assertEquals(201, api.post(D, "{\"folderUid\":\"ops\",\"dashboard\":{\"uid\":\"in-folder\",\"title\":\"In folder\","
                + "\"annotations\":{\"list\":[{\"name\":\"a\",\"datasource\":{\"uid\":\"prom\"}}]}}}").status());
        assertEquals(204, api.delete(D + "/dash").status());
        assertEquals("in-folder", api.delete(DS + "/prom").json().get("referrers").get(0).get("uid").asText());
        assertEquals(204, api.delete(ENV + "/folders/ops?force=true").status());
        assertEquals(204, api.delete(DS + "/prom").status());
        assertEquals(201, api.post(stagingDs, "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}").status());
        assertEquals(201, api.post("/api/v1/environments/staging/dashboards", "{\"dashboard\":{\"uid\":\"s\","
                + "\"title\":\"S\",\"templating\":{\"list\":[{\"name\":\"v\",\"type\":\"query\",\"datasource\":\"prom\"}]}}}")
                .status());
        assertEquals(409, api.delete(stagingDs + "/prom").status());
        assertEquals(204, api.delete("/api/v1/environments/staging?force=true").status());
    }

    @Test
    void migrationIndexesDashboardsStoredBeforeTheIndexExisted() {
        assertEquals(201, api.post(DS, "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}").status());
        post("{\"uid\":\"dash\",\"title\":\"Dash\",\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"uid\":\"prom\"}}]}");
        // A database written before V3: dashboards without index rows.
        server.services().database().write(tx ->
                tx.deleteFrom(DSL.table(DSL.name("dashboard_datasource_refs"))).execute());
        int rows = server.services().database().read(tx -> tx.fetchCount(DSL.table(DSL.name("dashboard_datasource_refs"))));
        assertEquals(0, rows);
        server.services().database().write(tx -> {
            V3_1__index_datasource_references.indexAll(tx);
            return null;
        });
        var refused = api.delete(DS + "/prom");
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("dash", refused.json().get("referrers").get(0).get("uid").asText());
    }

    private void post(String dashboard) {
        var r = api.post(D, "{\"dashboard\":" + dashboard + "}");
        assertEquals(201, r.status(), r.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
