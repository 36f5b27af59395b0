package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.noErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Diag;
import io.dashplane.provider.harness.TerraformCore;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors reach the user as diagnostics on the right attribute, in protocol 5 and 6. */
class ErrorsIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    private static List<Diag> errors(List<Diag> diagnostics) {
        return diagnostics.stream().filter(Diag::isError).toList();
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void serverValidationErrorsArriveOnConfigJsonAtPlanTime(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String overlapping = "{\"uid\":\"bad-" + protocol + "\",\"title\":\"Bad\",\"panels\":[{\"id\":1,\"type\":\"stat\","
                + "\"gridPos\":{\"x\":20,\"y\":0,\"w\":12,\"h\":4}}]}";
        Configuration config = Configuration.provider(server.providerConfig())
                .with("dashplane_dashboard.bad", Map.of("config_json", overlapping));
        noErrors("validate", core.validate(config).diagnostics());
        TerraformCore.Plan plan = core.plan(config);
        List<Diag> errors = errors(plan.diagnostics());
        assertFalse(errors.isEmpty(), "the server's dry run refuses the dashboard at plan time");
        for (Diag error : errors) {
            assertEquals("config_json", error.pathText(), "on config_json: " + error);
        }
        assertTrue(errors.stream().anyMatch(e -> e.detail().contains("/panels/0/gridPos")), "names the JSON pointer: " + errors);
        assertTrue(core.state().isEmpty(), "nothing in state after a refused create");
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void serverWarningsArriveAsWarningsOnTheAttribute(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String suffix = "-warn-" + protocol;
        Configuration config = Configuration.provider(server.providerConfig())
                .with("dashplane_datasource.prometheus", MlAlertingExampleIT.map("uid", "prom" + suffix, "name", "Prometheus" + suffix,
                        "type", "prometheus", "url", "http://prometheus:9090"))
                .with("dashplane_folder.f", MlAlertingExampleIT.map("uid", "f" + suffix, "title", "Warnings" + suffix))
                .with("dashplane_rule_group.slow", MlAlertingExampleIT.map("folder_uid", Configuration.ref("dashplane_folder.f", "uid"),
                        "name", "slow", "interval", "5m"))
                .with("dashplane_alert_rule.quick", MlAlertingExampleIT.map("uid", "quick" + suffix, "title", "Quick",
                        "folder_uid", Configuration.ref("dashplane_rule_group.slow", "folder_uid"), "rule_group", "slow",
                        "condition", "C", "for", "1m",
                        "data_json", MlAlertingExampleIT.ruleData("max(up)", "max", 0.5)
                                .replace("\"Prometheus\"", "\"prom" + suffix + "\"")));
        TerraformCore.Plan plan = Steps.plan(core, config);
        TerraformCore.Outcome applied = core.apply(config, plan);
        noErrors("apply", applied.diagnostics());
        List<Diag> warnings = applied.diagnostics().stream().filter(d -> d.severity() == Diag.Severity.WARNING).toList();
        assertEquals(1, warnings.size(), "one warning: " + applied.diagnostics());
        assertEquals("for", warnings.get(0).pathText(), warnings.toString());
        assertTrue(warnings.get(0).detail().contains("shorter than the rule group's interval (5m)"), warnings.toString());
        noErrors("destroy", core.destroy(config).diagnostics());
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void aRuleNamingAMissingDatasourceInAWarnEnvironmentIsAppliedWithAWarningOnDataJson(int protocol) {
        String environment = "migration-" + protocol;
        assertEquals(201, server.post("/api/v1/environments", Map.of("name", environment, "validation", "warn")).status());
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration config = Configuration.provider(Map.of("url", server.url(), "token", server.token(),
                        "environment", environment))
                .with("dashplane_folder.f", MlAlertingExampleIT.map("uid", "migrated", "title", "Migrated"))
                .with("dashplane_rule_group.g", MlAlertingExampleIT.map("folder_uid", Configuration.ref("dashplane_folder.f", "uid"),
                        "name", "imported", "interval", "1m"))
                .with("dashplane_alert_rule.migrated", MlAlertingExampleIT.map("uid", "migrated-drift", "title", "Migrated drift",
                        "folder_uid", Configuration.ref("dashplane_rule_group.g", "folder_uid"), "rule_group", "imported",
                        "condition", "C", "for", "5m",
                        "data_json", MlAlertingExampleIT.ruleData("max(ml_data_drift_score)", "max", 0.25)
                                .replace("\"Prometheus\"", "\"PBFA97CFB590B2093\"")));
        TerraformCore.Plan plan = Steps.plan(core, config);
        TerraformCore.Outcome applied = core.apply(config, plan);
        noErrors("apply", applied.diagnostics());
        List<Diag> warnings = applied.diagnostics().stream().filter(d -> d.severity() == Diag.Severity.WARNING).toList();
        assertEquals(1, warnings.size(), "one warning: " + applied.diagnostics());
        assertEquals("data_json", warnings.get(0).pathText(), warnings.toString());
        assertTrue(warnings.get(0).detail().contains("datasource 'PBFA97CFB590B2093' does not exist in this environment"),
                warnings.toString());
        assertEquals("PBFA97CFB590B2093", server.object(environment, "alert-rules/migrated-drift")
                .at("/data/0/datasourceUid").asText());
        noErrors("destroy", core.destroy(config).diagnostics());
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void invalidConfigIsRefusedAtValidateWithItsPath(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration config = Configuration.provider(server.providerConfig())
                .with("dashplane_dashboard.notjson", Map.of("config_json", "{not json"))
                .with("dashplane_folder.baduid", Map.of("title", "x", "uid", "no spaces allowed"));
        List<Diag> errors = errors(core.validate(config).diagnostics());
        assertTrue(errors.stream().anyMatch(e -> e.pathText().equals("config_json")), "config_json: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.pathText().equals("uid")), "uid: " + errors);
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void unreachableServerIsAClearDiagnostic(int protocol) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String url = "http://127.0.0.1:" + port;
        Configuration config = Configuration.provider(Map.of("url", url, "retries", 0, "timeout", 5))
                .with("dashplane_folder.f", Map.of("title", "x"));
        TerraformCore.Plan plan = core.plan(config);
        List<Diag> errors = errors(plan.diagnostics());
        assertEquals(1, errors.size(), "one error: " + plan.diagnostics());
        Diag error = errors.get(0);
        assertEquals("url", error.pathText(), error.toString());
        assertTrue(error.summary().toLowerCase().contains("reach"), error.toString());
        assertTrue(error.detail().contains(url), "names the URL: " + error);
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void importOfAMissingObjectIsAnError(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration config = Configuration.provider(server.providerConfig())
                .with("dashplane_dashboard.d", Map.of("config_json", "{\"title\":\"x\"}"));
        List<Diag> errors = errors(core.importResource(config, "dashplane_dashboard.d", "does-not-exist").diagnostics());
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).detail().contains("does-not-exist"), errors.toString());
        assertTrue(core.state().isEmpty());
    }
}
