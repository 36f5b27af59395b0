package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warn mode (issue 15) for alert rules that come with a bundle import or a promotion: a target in {@code warn}
 * validation mode takes a rule whose query names a datasource it lacks and the plan lists the warning; a strict
 * target refuses it with the pointer, as before.
 */
class AlertRuleWarnModeTransferTest extends AlertingTestSupport {
    private static final String WARN_ENV = "/api/v1/environments/migration";
    private static final String MISSING = "PBFA97CFB590B2093";
    /** A bundle with a folder and a rule group whose rule queries a datasource of another Grafana (not in the bundle). */
    private static final String BUNDLE = """
            {"apiVersion":1,"folders":[{"uid":"ml","title":"Machine learning"}],
             "ruleGroups":[{"folderUid":"ml","name":"health","interval":"1m","rules":[%s]}]}"""
            .formatted(rule("drift", "Drift", "health", "").replace("\"datasourceUid\":\"Prometheus\"",
                    "\"datasourceUid\":\"" + MISSING + "\""));
    private static final String RULE_POINTER = "/ruleGroups/0/rules/0/data/0/datasourceUid";

    @TempDir
    Path work;

    private void createEnvironment(String name, String validation) {
        expect(201, api.post("/api/v1/environments",
                "{\"name\":\"" + name + "\",\"validation\":\"" + validation + "\"}"));
    }

    @Test
    void aBundleImportIntoAWarnEnvironmentStoresARuleNamingAMissingDatasourceAndAnswersTheWarning() {
        createEnvironment("migration", "warn");

        var imported = expect(200, post(WARN_ENV + "/import", BUNDLE, "application/json"));

        JsonNode warnings = imported.json().at("/plan/warnings");
        assertEquals(List.of(RULE_POINTER), pointers(warnings), imported.toString());
        assertTrue(warnings.get(0).get("message").asText().startsWith("alert rule 'drift': datasource '" + MISSING
                + "' does not exist"), imported.toString());
        var stored = expect(200, api.get(WARN_ENV + "/alert-rules/drift"));
        assertEquals(MISSING, stored.json().at("/data/0/datasourceUid").asText(), stored.toString());
    }

    @Test
    void aBundleImportIntoAStrictEnvironmentRefusesSuchARuleWithThePointer() {
        var refused = expectInvalid(RULE_POINTER, post(ENV + "/import", BUNDLE, "application/json"));
        assertTrue(refused.body().contains("datasource '" + MISSING + "' does not exist"), refused.toString());
        assertEquals(404, api.get(RULES + "/drift").status());
    }

    @Test
    void aPromotionIntoAWarnEnvironmentTakesARuleWhoseDatasourceTheTargetLacksAndTheApplyAnswersTheWarning() {
        seed(ENV);
        expect(201, api.post(RULES, rule("drift", "Drift", "health", "")));
        createEnvironment("migration", "warn");

        var planned = expect(200, api.post("/api/v1/promotions", promotion("migration", true)));
        JsonNode plan = planned.json().get("plan");
        assertEquals(1, plan.path("warnings").size(), planned.toString());
        JsonNode warning = plan.path("warnings").get(0);
        // the pointer is into the plan: it finds the rule's unmapped reference there
        String pointer = warning.get("pointer").asText();
        assertTrue(pointer.matches("/items/[0-9]+/desired/rules/0/data/0/datasourceUid"), planned.toString());
        assertEquals("Prometheus", plan.at(pointer).asText(), planned.toString());
        assertEquals("alert rule 'drift': datasource 'Prometheus' does not exist in 'migration' (the datasource "
                + "'Prometheus' of 'default' has no counterpart there); the rule is stored but cannot be evaluated "
                + "until it does", warning.get("message").asText());
        assertEquals(404, api.get(WARN_ENV + "/alert-rules/drift").status(), "a dry run writes nothing");

        var applied = expect(200, api.post("/api/v1/promotions/" + plan.get("id").asText() + "/apply", "{}"));
        assertEquals(plan.get("warnings"), applied.json().at("/plan/warnings"), applied.toString());
        var stored = expect(200, api.get(WARN_ENV + "/alert-rules/drift"));
        assertEquals("Prometheus", stored.json().at("/data/0/datasourceUid").asText(), stored.toString());
    }

    @Test
    void aPromotionIntoAWarnEnvironmentDoesNotWarnAboutADatasourceTheTargetHasThoughTheSourceLacksIt() {
        createEnvironment("legacy", "warn");
        expect(201, api.post("/api/v1/environments/legacy/folders", "{\"uid\":\"ml\",\"title\":\"Machine learning\"}"));
        expect(201, api.put("/api/v1/environments/legacy/rule-groups/ml/health", "{\"interval\":\"1m\"}"));
        expect(201, api.post("/api/v1/environments/legacy/alert-rules", rule("drift", "Drift", "health", "")
                .replace("\"datasourceUid\":\"Prometheus\"", "\"datasourceUid\":\"prom-target\"")));
        createEnvironment("migration", "warn");
        expect(201, api.post(WARN_ENV + "/datasources",
                "{\"uid\":\"prom-target\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://p:9090\"}"));

        var promoted = expect(200, api.post("/api/v1/promotions", promotion("migration", false).replace(
                "\"source\":\"default\"", "\"source\":\"legacy\"")));

        assertTrue(promoted.json().path("plan").path("warnings").isMissingNode(), promoted.toString());
        expect(200, api.get(WARN_ENV + "/alert-rules/drift"));
    }

    @Test
    void aPromotionIntoAStrictEnvironmentRefusesARuleWhoseDatasourceTheTargetLacks() {
        seed(ENV);
        expect(201, api.post(RULES, rule("drift", "Drift", "health", "")));
        createEnvironment("prod", "strict");

        var refused = expectInvalid("/datasourceNameMap", api.post("/api/v1/promotions", promotion("prod", false)));
        assertTrue(refused.body().contains("has no counterpart in the target environment; used by alertRule drift at "
                + "/data/0/datasourceUid"), refused.toString());
        assertEquals(404, api.get("/api/v1/environments/prod/alert-rules/drift").status());
    }

    @Test
    void theClientCommandsShowTheWarningsOfAnImportAndAPromotionPlan() throws IOException {
        createEnvironment("migration", "warn");
        Path bundle = Files.writeString(work.resolve("bundle.json"), BUNDLE);
        CliRun imported = cli("import", "-e", "migration", "-f", bundle.toString(), "--yes");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().contains("  warning at " + RULE_POINTER + ": alert rule 'drift': datasource '"
                + MISSING + "' does not exist"), imported.toString());

        seed(ENV);
        expect(201, api.post(RULES, rule("drift-default", "Drift", "health", "")));
        createEnvironment("second", "warn");
        CliRun promoted = cli("promote", "default", "second", "--yes");
        assertEquals(0, promoted.exitCode(), promoted.toString());
        assertTrue(promoted.out().contains("/data/0/datasourceUid: alert rule 'drift-default': datasource "
                + "'Prometheus' does not exist in 'second'"), promoted.toString());
        assertEquals(200, api.get("/api/v1/environments/second/alert-rules/drift-default").status());
    }

    private static String promotion(String target, boolean dryRun) {
        return "{\"source\":\"default\",\"target\":\"" + target + "\",\"dryRun\":" + dryRun
                + ",\"selection\":{\"ruleGroups\":[\"ml/health\"]}}";
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", server.baseUri().toString(), "--token", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN,
                "--config", work.resolve("config.yaml").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> pointers(JsonNode findings) {
        List<String> pointers = new ArrayList<>();
        findings.forEach(f -> pointers.add(f.get("pointer").asText()));
        return pointers;
    }
}
