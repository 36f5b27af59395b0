package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static io.dashplane.provider.e2e.Steps.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/terraform/ml-alerting/main.tf rebuilt in Java (the same values) and applied through the harness in
 * protocol 5 and 6: the issue 4 scenario (two alert rules in a group, a Slack contact point with a PagerDuty
 * escalation route, a weekly maintenance mute timing, a message template), no change on the second plan nor
 * after reformatting, import of every kind, destroy in dependency order.
 */
class MlAlertingExampleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLACK_URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    private static final String PAGERDUTY_KEY = "00000000000000000000000000000000";
    static final String TEMPLATE = """
            {{ define "ml.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.model_name }}){{ end }}
            {{ define "ml.text" }}{{ range .Alerts }}{{ .Annotations.summary }}
            {{ end }}{{ end }}
            """;
    /** Addresses in dependency order (each only refers to earlier ones). */
    static final List<String> ADDRESSES = List.of("dashplane_folder.ml", "dashplane_datasource.prometheus",
            "dashplane_message_template.ml", "dashplane_mute_timing.weekly_maintenance", "dashplane_contact_point.slack",
            "dashplane_contact_point.pagerduty", "dashplane_notification_policy.root", "dashplane_notification_route.ml_team",
            "dashplane_notification_route.ml_pagerduty", "dashplane_rule_group.ml_model_health",
            "dashplane_alert_rule.p99_latency", "dashplane_alert_rule.data_drift");

    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** The rule's data: a datasource query, a reduce and a threshold (jsonencode of main.tf's local). */
    static String ruleData(String expr, String reducer, double threshold) {
        return json(List.of(
                map("datasourceUid", "Prometheus", "model", map("expr", expr, "instant", true, "range", false, "refId", "A"),
                        "refId", "A", "relativeTimeRange", map("from", 600, "to", 0)),
                map("datasourceUid", "__expr__", "model", map("expression", "A", "reducer", reducer, "refId", "B", "type", "reduce"),
                        "refId", "B"),
                map("datasourceUid", "__expr__", "model", map("conditions", List.of(map("evaluator", map("params", List.of(threshold), "type", "gt"))),
                        "expression", "B", "refId", "C", "type", "threshold"), "refId", "C")));
    }

    static Configuration example(Map<String, Object> provider) {
        return Configuration.provider(provider)
                .with("dashplane_folder.ml", map("uid", "ml", "title", "Machine learning"))
                .with("dashplane_datasource.prometheus", map("uid", "Prometheus", "name", "Prometheus", "type", "prometheus",
                        "url", "http://prometheus:9090"))
                .with("dashplane_message_template.ml", map("name", "ml-notifications", "template", TEMPLATE))
                .with("dashplane_mute_timing.weekly_maintenance", map("uid", "weekly-maintenance", "name", "weekly-maintenance",
                        "time_intervals_json", json(List.of(map("location", "UTC",
                                "times", List.of(map("end_time", "04:00", "start_time", "02:00")), "weekdays", List.of("sunday"))))))
                .with("dashplane_contact_point.slack", map("uid", "ml-slack", "name", "ml-slack",
                        "slack", List.of(map("url", SLACK_URL, "recipient", "#ml-alerts",
                                "title", "{{ template \"ml.title\" . }}", "text", "{{ template \"ml.text\" . }}"))))
                .with("dashplane_contact_point.pagerduty", map("uid", "ml-pagerduty", "name", "ml-pagerduty",
                        "pagerduty", List.of(map("integration_key", PAGERDUTY_KEY, "severity", "critical",
                                "summary", "{{ template \"ml.title\" . }}"))))
                .with("dashplane_notification_policy.root", map(
                        "contact_point", Configuration.ref("dashplane_contact_point.slack", "name"),
                        "group_by", List.of("grafana_folder", "alertname"),
                        "group_wait", "30s", "group_interval", "5m", "repeat_interval", "4h"))
                .with("dashplane_notification_route.ml_team", map("uid", "ml-team",
                        "contact_point", Configuration.ref("dashplane_contact_point.slack", "name"),
                        "object_matchers", List.of(List.of("team", "=", "ml")), "group_by", List.of("alertname", "model_name"),
                        "mute_time_intervals", List.of("weekly-maintenance")))
                .with("dashplane_notification_route.ml_pagerduty", map("uid", "ml-pagerduty",
                        "parent_uid", Configuration.ref("dashplane_notification_route.ml_team", "uid"),
                        "contact_point", "ml-pagerduty",
                        "object_matchers", List.of(List.of("severity", "=", "critical")),
                        "mute_time_intervals", List.of("weekly-maintenance"), "repeat_interval", "1h"))
                .with("dashplane_rule_group.ml_model_health", map(
                        "folder_uid", Configuration.ref("dashplane_folder.ml", "uid"), "name", "ml-model-health", "interval", "1m"))
                .with("dashplane_alert_rule.p99_latency", map("uid", "ml-p99-latency-high",
                        "title", "ML p99 prediction latency above 500ms",
                        "folder_uid", Configuration.ref("dashplane_rule_group.ml_model_health", "folder_uid"),
                        "rule_group", "ml-model-health", "condition", "C",
                        "data_json", ruleData("histogram_quantile(0.99, sum(rate(ml_prediction_latency_seconds_bucket[5m])) by (le, model_name))", "last", 0.5),
                        "for", "5m", "no_data_state", "NoData", "exec_err_state", "Error",
                        "labels", map("team", "ml", "severity", "warning"),
                        "annotations", map("summary", "p99 prediction latency of {{ $labels.model_name }} is {{ humanizeDuration $values.B.Value }}",
                                "__dashboardUid__", "ml-model-monitoring-v1", "__panelId__", "2"),
                        "is_paused", false))
                .with("dashplane_alert_rule.data_drift", map("uid", "ml-data-drift-high",
                        "title", "ML data drift score above 0.25",
                        "folder_uid", Configuration.ref("dashplane_rule_group.ml_model_health", "folder_uid"),
                        "rule_group", "ml-model-health", "condition", "C",
                        "data_json", ruleData("max(ml_data_drift_score) by (model_name)", "max", 0.25),
                        "for", "10m", "no_data_state", "OK", "exec_err_state", "Error",
                        "labels", map("team", "ml", "severity", "critical"),
                        "annotations", map("summary", "data drift of {{ $labels.model_name }} is {{ printf \"%.2f\" $values.B.Value }}",
                                "__dashboardUid__", "ml-model-monitoring-v1", "__panelId__", "3"),
                        "is_paused", false));
    }

    /** The same meaning spelled differently: durations in seconds, JSON reordered and indented, template re-indented. */
    static Configuration reformatted(Configuration config) throws JsonProcessingException {
        Map<String, Object> rule = new LinkedHashMap<>(config.resource("dashplane_alert_rule.p99_latency").attributes());
        rule.put("for", "300s");
        JsonNode data = JSON.readTree((String) rule.get("data_json"));
        rule.put("data_json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data));
        Map<String, Object> group = new LinkedHashMap<>(config.resource("dashplane_rule_group.ml_model_health").attributes());
        group.put("interval", "60s");
        Map<String, Object> template = new LinkedHashMap<>(config.resource("dashplane_message_template.ml").attributes());
        template.put("template", "\n" + TEMPLATE.strip() + "\n\n");
        Map<String, Object> route = new LinkedHashMap<>(config.resource("dashplane_notification_route.ml_pagerduty").attributes());
        route.put("repeat_interval", "60m");
        return config.with("dashplane_alert_rule.p99_latency", rule).with("dashplane_rule_group.ml_model_health", group)
                .with("dashplane_message_template.ml", template).with("dashplane_notification_route.ml_pagerduty", route);
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void appliesImportsAndDestroysTheExample(int protocol) throws Exception {
        String environment = "alerting-p" + protocol;
        Configuration config = example(server.newEnvironment(environment));
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        noErrors("validate", core.validate(config).diagnostics());
        TerraformCore.Plan create = plan(core, config);
        assertEquals(ADDRESSES.size(), create.changed().size(), () -> create.toString());
        create.changes().forEach(c -> assertEquals(Action.CREATE, c.action(), c.address()));
        Steps.apply(core, config, create);
        ADDRESSES.forEach(address -> Steps.assertWhollyKnownState(core, address));

        JsonNode rule = server.object(environment, "alert-rules/ml-p99-latency-high");
        assertEquals("ml-model-health", rule.path("ruleGroup").asText());
        assertEquals("5m", rule.path("for").asText());
        JsonNode slack = server.object(environment, "contact-points/ml-slack");
        assertTrue(slack.path("integrations").path(0).path("secureFields").path("url").asBoolean(), slack.toString());
        assertFalse(slack.toString().contains(SLACK_URL), "the secret is never read back");
        assertEquals(SLACK_URL, core.stateValue("dashplane_contact_point.slack").getAttr("slack").index(0).asMap().get("url").asString(),
                "the state keeps the configured secret");
        JsonNode policy = server.object(environment, "notification-policy");
        assertEquals("ml-slack", policy.path("receiver").asText());
        assertEquals("[[\"team\",\"=\",\"ml\"]]", policy.path("routes").path(0).path("object_matchers").toString(), policy.toString());
        assertEquals("ml-pagerduty", policy.path("routes").path(0).path("routes").path(0).path("receiver").asText(), policy.toString());
        assertEquals(2, server.object(environment, "rule-groups/ml/ml-model-health").path("rules").size());

        assertNoChanges(core, config);
        assertNoChanges(core, reformatted(config));

        TerraformCore.Plan changed = plan(core, config.with("dashplane_rule_group.ml_model_health",
                map("folder_uid", Configuration.ref("dashplane_folder.ml", "uid"), "name", "ml-model-health", "interval", "2m")));
        assertEquals(Action.UPDATE, changed.change("dashplane_rule_group.ml_model_health").action(), changed::toString);

        importEveryKind(protocol, environment, config);

        noErrors("destroy", core.destroy(config).diagnostics());
        assertTrue(core.state().isEmpty(), () -> "state after destroy: " + core.state().keySet());
        assertNull(server.object(environment, "alert-rules/ml-p99-latency-high"));
        assertNull(server.object(environment, "rule-groups/ml/ml-model-health"));
        assertNull(server.object(environment, "contact-points/ml-slack"));
        assertNull(server.object(environment, "notification-policy/routes/ml-team"));
        assertNull(server.object(environment, "mute-timings/weekly-maintenance"));
        assertNull(server.object(environment, "templates/ml-notifications"));
        assertEquals(0, server.object(environment, "notification-policy").path("version").asLong(), "root policy removed");
    }

    /**
     * A second state built by importing every object in dependency order; the only planned changes are the
     * contact points, whose secrets the server never returns (they are written again from the configuration).
     */
    private void importEveryKind(int protocol, String environment, Configuration config) {
        TerraformCore importer = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Map<String, String> ids = Map.ofEntries(
                Map.entry("dashplane_folder.ml", "ml"), Map.entry("dashplane_datasource.prometheus", "Prometheus"),
                Map.entry("dashplane_message_template.ml", environment + "/ml-notifications"),
                Map.entry("dashplane_mute_timing.weekly_maintenance", "weekly-maintenance"),
                Map.entry("dashplane_contact_point.slack", "ml-slack"),
                Map.entry("dashplane_contact_point.pagerduty", environment + "/ml-pagerduty"),
                Map.entry("dashplane_notification_policy.root", environment),
                Map.entry("dashplane_notification_route.ml_team", "ml-team"),
                Map.entry("dashplane_notification_route.ml_pagerduty", environment + "/ml-pagerduty"),
                Map.entry("dashplane_rule_group.ml_model_health", "ml/ml-model-health"),
                Map.entry("dashplane_alert_rule.p99_latency", "ml-p99-latency-high"),
                Map.entry("dashplane_alert_rule.data_drift", environment + "/ml-data-drift-high"));
        for (String address : ADDRESSES) {
            noErrors("import " + address, importer.importResource(config, address, ids.get(address)).diagnostics());
            assertEquals(environment, string(importer.stateValue(address), "environment"), address);
        }
        assertEquals("1m", string(importer.stateValue("dashplane_rule_group.ml_model_health"), "interval"));
        assertEquals("ml-team", string(importer.stateValue("dashplane_notification_route.ml_pagerduty"), "parent_uid"));
        TerraformCore.Plan afterImport = plan(importer, config);
        for (TerraformCore.Change change : afterImport.changes()) {
            Action expected = change.typeName().equals("dashplane_contact_point") ? Action.UPDATE : Action.NOOP;
            assertEquals(expected, change.action(), () -> change.address() + " after import: " + afterImport);
        }
        Configuration withMissing = config
                .with("dashplane_rule_group.missing", map("folder_uid", "ml", "name", "no-such-group", "interval", "1m"))
                .with("dashplane_message_template.missing", map("name", "x", "template", "x"));
        assertTrue(importer.importResource(withMissing, "dashplane_rule_group.missing", "ml/no-such-group").hasErrors(),
                "importing a missing rule group is an error");
        assertTrue(importer.importResource(withMissing, "dashplane_message_template.missing", "a/b/c").hasErrors(),
                "a malformed import id is an error");
    }
}
