package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alert rules in warn mode: a query naming a datasource that does not exist is stored with a warning. */
class AlertRuleValidationModeTest extends AlertingTestSupport {
    private static final String WARN_ENV = "/api/v1/environments/migration";
    /** A rule exported from another Grafana: its query names that Grafana's datasource uid. */
    private static final String MIGRATED = rule("migrated", "Migrated drift", "health", "")
            .replace("\"datasourceUid\":\"Prometheus\"", "\"datasourceUid\":\"PBFA97CFB590B2093\"");
    private static final String MIGRATED_FILE = """
            apiVersion: 1
            groups:
              - orgId: 1
                name: imported
                folder: Machine learning
                interval: 1m
                rules:
                  - uid: imported-drift
                    title: Imported drift
                    condition: A
                    data:
                      - refId: A
                        relativeTimeRange: {from: 600, to: 0}
                        datasourceUid: PBFA97CFB590B2093
                        model: {refId: A, expr: max(ml_data_drift_score)}
                    for: 5m
            """;

    private void createWarnEnvironment() {
        expect(201, api.post("/api/v1/environments", "{\"name\":\"migration\",\"validation\":\"warn\"}"));
        seed(WARN_ENV);
    }

    @Test
    void aStrictEnvironmentRefusesARuleNamingAMissingDatasource() {
        seed(ENV);
        var refused = expectInvalid("/data/0/datasourceUid", api.post(RULES, MIGRATED));
        assertTrue(refused.body().contains("datasource 'PBFA97CFB590B2093' does not exist in this environment"),
                refused.toString());
        assertEquals(404, api.get(RULES + "/migrated").status());
    }

    @Test
    void aWarnEnvironmentStoresARuleNamingAMissingDatasourceAndAnswersWithTheWarning() {
        createWarnEnvironment();
        var created = expect(201, api.post(WARN_ENV + "/alert-rules", MIGRATED));
        assertEquals(List.of("/data/0/datasourceUid"), pointers(created.json().get("warnings")), created.toString());
        assertTrue(created.json().get("warnings").get(0).get("message").asText()
                .startsWith("datasource 'PBFA97CFB590B2093' does not exist in this environment"), created.toString());
        var stored = expect(200, api.get(WARN_ENV + "/alert-rules/migrated"));
        assertEquals("PBFA97CFB590B2093", stored.json().at("/data/0/datasourceUid").asText(), stored.toString());

        var replaced = expect(200, api.put(WARN_ENV + "/alert-rules/migrated", MIGRATED.replace("Migrated drift", "Drift")));
        assertEquals(List.of("/data/0/datasourceUid"), pointers(replaced.json().get("warnings")), replaced.toString());
    }

    @Test
    void otherRuleErrorsStayErrorsInWarnMode() {
        createWarnEnvironment();
        var refused = expectInvalid("/condition", api.post(WARN_ENV + "/alert-rules",
                MIGRATED.replace("\"condition\":\"C\"", "\"condition\":\"Z\"")));
        assertEquals(List.of("/data/0/datasourceUid"), pointers(refused.json().get("warnings")), refused.toString());
        expectInvalid("/ruleGroup", api.post(WARN_ENV + "/alert-rules", MIGRATED.replace("\"health\"", "\"missing\"")));
    }

    @Test
    void theGrafanaCompatibleRuleApiStoresSuchRulesInAWarnEnvironmentToo() {
        createWarnEnvironment();
        var created = expect(201, api.post("/grafana/migration/api/v1/provisioning/alert-rules", MIGRATED));
        assertEquals("PBFA97CFB590B2093", created.json().at("/data/0/datasourceUid").asText(), created.toString());
        seed(ENV);
        var refused = api.post("/grafana/default/api/v1/provisioning/alert-rules", MIGRATED);
        assertEquals(400, refused.status(), "Grafana's answer to an invalid rule: " + refused);
        assertTrue(refused.body().contains("/data/0/datasourceUid: datasource 'PBFA97CFB590B2093' does not exist"),
                refused.toString());
    }

    @Test
    void aRuleStoredInWarnModeIsRefusedWhenRewrittenAfterTheEnvironmentIsSwitchedToStrict() {
        createWarnEnvironment();
        expect(201, api.post(WARN_ENV + "/alert-rules", MIGRATED));
        expect(200, api.put(WARN_ENV, "{\"validation\":\"strict\"}"));
        expectInvalid("/data/0/datasourceUid", api.put(WARN_ENV + "/alert-rules/migrated", MIGRATED));
    }

    @Test
    void anAlertingImportIntoAWarnEnvironmentStoresSuchRulesAndReturnsTheWarnings() {
        seed(ENV);
        expectInvalid("/groups/0/rules/0/data/0/datasourceUid",
                post(ENV + "/alerting/import", MIGRATED_FILE, "application/yaml"));

        createWarnEnvironment();
        var imported = expect(200, post(WARN_ENV + "/alerting/import", MIGRATED_FILE, "application/yaml"));
        assertEquals(List.of("/groups/0/rules/0/data/0/datasourceUid"), pointers(imported.json().get("warnings")),
                imported.toString());
        expect(200, api.get(WARN_ENV + "/alert-rules/imported-drift"));
    }

    private static List<String> pointers(JsonNode findings) {
        List<String> pointers = new ArrayList<>();
        findings.forEach(f -> pointers.add(f.get("pointer").asText()));
        return pointers;
    }
}
