package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Warn mode (issue 15) for dashboards that come with a promotion: a target in {@code warn} validation mode takes a
 * dashboard whose datasource reference cannot be mapped (left as it is) and the plan lists the warning with a pointer
 * into the plan; a strict target refuses it with {@code 422} at {@code /datasourceNameMap}, as before.
 */
class DashboardWarnModePromotionTest extends AlertingTestSupport {
    private static final String WARN_ENV = "/api/v1/environments/migration";

    /** Panel 0 queries Prometheus (no counterpart in the target), panel 1 Loki (same name and type in the target). */
    private static String dashboard(String prometheusUid) {
        return """
                {"dashboard":{"uid":"drift-board","title":"Drift","schemaVersion":39,"panels":[
                  {"id":1,"type":"timeseries","title":"Drift","gridPos":{"x":0,"y":0,"w":12,"h":8},
                   "datasource":{"type":"prometheus","uid":"%s"},
                   "targets":[{"refId":"A","datasource":{"type":"prometheus","uid":"%s"},"expr":"ml_data_drift_score"}]},
                  {"id":2,"type":"logs","title":"Logs","gridPos":{"x":12,"y":0,"w":12,"h":8},
                   "datasource":{"type":"loki","uid":"loki-src"},
                   "targets":[{"refId":"A","datasource":{"type":"loki","uid":"loki-src"},"expr":"{app=\\"ml\\"}"}]}]},
                 "folderUid":"ml"}""".formatted(prometheusUid, prometheusUid);
    }

    private void createEnvironment(String name, String validation) {
        expect(201, api.post("/api/v1/environments",
                "{\"name\":\"" + name + "\",\"validation\":\"" + validation + "\"}"));
    }

    private void loki(String envPath, String uid) {
        expect(201, api.post(envPath + "/datasources",
                "{\"uid\":\"" + uid + "\",\"name\":\"Loki\",\"type\":\"loki\",\"url\":\"http://loki:3100\"}"));
    }

    @Test
    void aPromotionIntoAWarnEnvironmentTakesADashboardWhoseDatasourceTheTargetLacksAndThePlanWarnsWithPointersIntoItself() {
        seed(ENV);
        loki(ENV, "loki-src");
        expect(201, api.post(ENV + "/dashboards", dashboard("Prometheus")));
        createEnvironment("migration", "warn");
        loki(WARN_ENV, "loki-target");

        var planned = expect(200, api.post("/api/v1/promotions", promotion("migration", true)));
        JsonNode plan = planned.json().get("plan");
        JsonNode warnings = plan.path("warnings");
        assertEquals(2, warnings.size(), planned.toString());
        List<String> sites = new ArrayList<>();
        for (JsonNode warning : warnings) {
            String pointer = warning.get("pointer").asText();
            // the pointer is into the plan: it finds the dashboard's unmapped reference there
            assertTrue(pointer.matches("/items/[0-9]+/desired/dashboard/panels/0/.*"), planned.toString());
            assertEquals("Prometheus", plan.at(pointer).asText(), planned.toString());
            sites.add(pointer.substring(pointer.indexOf("/panels/")));
            assertEquals("dashboard 'drift-board': datasource 'Prometheus' does not exist in 'migration' (the "
                    + "datasource 'Prometheus' of 'default' has no counterpart there); the dashboard is stored but what "
                    + "uses the datasource shows no data until it does", warning.get("message").asText());
        }
        assertEquals(List.of("/panels/0/datasource/uid", "/panels/0/targets/0/datasource/uid"), sites);
        assertEquals(404, api.get(WARN_ENV + "/dashboards/drift-board").status(), "a dry run writes nothing");

        var applied = expect(200, api.post("/api/v1/promotions/" + plan.get("id").asText() + "/apply", "{}"));
        assertEquals(warnings, applied.json().at("/plan/warnings"), applied.toString());
        JsonNode stored = expect(200, api.get(WARN_ENV + "/dashboards/drift-board")).json().path("dashboard");
        assertEquals("Prometheus", stored.at("/panels/0/datasource/uid").asText(), stored.toString());
        assertEquals("Prometheus", stored.at("/panels/0/targets/0/datasource/uid").asText(), stored.toString());
        // the references that map are still rewritten
        assertEquals("loki-target", stored.at("/panels/1/datasource/uid").asText(), stored.toString());
        assertEquals("loki-target", stored.at("/panels/1/targets/0/datasource/uid").asText(), stored.toString());
    }

    @Test
    void aPromotionIntoAWarnEnvironmentDoesNotWarnAboutADashboardDatasourceTheTargetHasThoughTheSourceLacksIt() {
        createEnvironment("legacy", "warn");
        expect(201, api.post("/api/v1/environments/legacy/folders", "{\"uid\":\"ml\",\"title\":\"Machine learning\"}"));
        loki("/api/v1/environments/legacy", "loki-src");
        expect(201, api.post("/api/v1/environments/legacy/dashboards", dashboard("prom-target")));
        createEnvironment("migration", "warn");
        loki(WARN_ENV, "loki-target");
        expect(201, api.post(WARN_ENV + "/datasources",
                "{\"uid\":\"prom-target\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://p:9090\"}"));

        var promoted = expect(200, api.post("/api/v1/promotions", promotion("migration", false).replace(
                "\"source\":\"default\"", "\"source\":\"legacy\"")));

        assertTrue(promoted.json().path("plan").path("warnings").isMissingNode(), promoted.toString());
        JsonNode stored = expect(200, api.get(WARN_ENV + "/dashboards/drift-board")).json().path("dashboard");
        assertEquals("prom-target", stored.at("/panels/0/datasource/uid").asText(), stored.toString());
    }

    @Test
    void aPromotionIntoAStrictEnvironmentStillRefusesADashboardWhoseDatasourceTheTargetLacks() {
        seed(ENV);
        loki(ENV, "loki-src");
        expect(201, api.post(ENV + "/dashboards", dashboard("Prometheus")));
        createEnvironment("prod", "strict");
        loki("/api/v1/environments/prod", "loki-target");

        var refused = expectInvalid("/datasourceNameMap", api.post("/api/v1/promotions", promotion("prod", false)));
        assertTrue(refused.body().contains("has no counterpart in the target environment; used by dashboard "
                + "drift-board at /panels/0/datasource/uid"), refused.toString());
        assertEquals(404, api.get("/api/v1/environments/prod/dashboards/drift-board").status());
    }

    private static String promotion(String target, boolean dryRun) {
        return "{\"source\":\"default\",\"target\":\"" + target + "\",\"dryRun\":" + dryRun
                + ",\"selection\":{\"dashboards\":[\"drift-board\"]}}";
    }
}
