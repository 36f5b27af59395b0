package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Terraform CLI (skipped without a {@code terraform} on PATH) importing every resource type of the
 * provider: one configuration with every type (minimal and fully specified objects), one init, one apply;
 * then {@code terraform state rm} and {@code terraform import} of each object, {@code import} blocks, and
 * {@code -generate-config-out}. An import followed by a plan must find nothing to change, except the one
 * documented update of a contact point whose secrets the server never returns.
 */
class TerraformImportCliIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    private static final String ENVIRONMENT = "cli-import";

    private static final String MAIN_TF = RealTerraform.PROVIDER + """
            resource "dashplane_environment" "minimal" {
              name = "cli-import-minimal"
            }

            resource "dashplane_environment" "described" {
              name        = "cli-import-described"
              description = "imported by the CLI"
            }

            resource "dashplane_folder" "ml" {
              uid   = "ml"
              title = "Machine learning"
            }

            resource "dashplane_folder" "nested" {
              uid        = "nested"
              title      = "Nested"
              parent_uid = dashplane_folder.ml.uid
            }

            resource "dashplane_datasource" "minimal" {
              uid  = "minimal"
              name = "minimal"
              type = "prometheus"
            }

            resource "dashplane_datasource" "prometheus" {
              uid        = "Prometheus"
              name       = "Prometheus"
              type       = "prometheus"
              url        = "http://prometheus:9090"
              is_default = true
              json_data_encoded = jsonencode({
                httpMethod   = "POST"
                timeInterval = "15s"
              })
            }

            resource "dashplane_dashboard" "ml" {
              folder      = dashplane_folder.ml.uid
              config_json = file("${path.module}/ml-model-monitoring.json")
              message     = "managed by terraform"
              depends_on  = [dashplane_datasource.prometheus]
            }

            resource "dashplane_message_template" "ml" {
              name     = "ml-notifications"
              template = "{{ define \\"ml.title\\" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}"
            }

            resource "dashplane_mute_timing" "minimal" {
              uid  = "minimal"
              name = "minimal"
            }

            resource "dashplane_mute_timing" "weekly" {
              uid  = "weekly-maintenance"
              name = "weekly-maintenance"
              time_intervals_json = jsonencode([{
                times    = [{ start_time = "02:00", end_time = "04:00" }]
                weekdays = ["sunday"]
                location = "UTC"
              }])
            }

            resource "dashplane_contact_point" "email" {
              uid  = "ml-email"
              name = "ml-email"
              email {
                addresses = ["ml@example.com"]
              }
            }

            resource "dashplane_contact_point" "slack" {
              uid  = "ml-slack"
              name = "ml-slack"
              slack {
                url       = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
                recipient = "#ml-alerts"
                title     = "{{ template \\"ml.title\\" . }}"
              }
              depends_on = [dashplane_message_template.ml]
            }

            resource "dashplane_notification_policy" "root" {
              contact_point   = dashplane_contact_point.email.name
              group_by        = ["grafana_folder", "alertname"]
              group_wait      = "30s"
              repeat_interval = "4h"
            }

            resource "dashplane_notification_route" "minimal" {
              uid        = "minimal"
              depends_on = [dashplane_notification_policy.root]
            }

            resource "dashplane_notification_route" "ml" {
              uid                 = "ml-team"
              contact_point       = dashplane_contact_point.slack.name
              object_matchers     = [["team", "=", "ml"]]
              group_by            = ["alertname", "model_name"]
              mute_time_intervals = [dashplane_mute_timing.weekly.name]
              depends_on          = [dashplane_notification_policy.root]
            }

            resource "dashplane_rule_group" "ml" {
              folder_uid = dashplane_folder.ml.uid
              name       = "ml-model-health"
              interval   = "1m"
            }

            resource "dashplane_alert_rule" "minimal" {
              uid        = "minimal"
              title      = "minimal"
              folder_uid = dashplane_rule_group.ml.folder_uid
              rule_group = dashplane_rule_group.ml.name
              condition  = "A"
              data_json = jsonencode([{
                refId         = "A"
                datasourceUid = "__expr__"
                model         = { refId = "A", type = "math", expression = "1 > 0" }
              }])
            }

            resource "dashplane_alert_rule" "latency" {
              uid            = "ml-p99-latency-high"
              title          = "ML p99 prediction latency above 500ms"
              folder_uid     = dashplane_rule_group.ml.folder_uid
              rule_group     = dashplane_rule_group.ml.name
              condition      = "B"
              data_json = jsonencode([
                {
                  refId             = "A"
                  relativeTimeRange = { from = 600, to = 0 }
                  datasourceUid     = dashplane_datasource.prometheus.uid
                  model             = { refId = "A", expr = "histogram_quantile(0.99, sum(rate(x_bucket[5m])) by (le))", instant = true }
                },
                {
                  refId         = "B"
                  datasourceUid = "__expr__"
                  model         = { refId = "B", type = "threshold", expression = "A", conditions = [{ evaluator = { type = "gt", params = [0.5] } }] }
                },
              ])
              for            = "5m"
              no_data_state  = "NoData"
              exec_err_state = "Error"
              labels         = { team = "ml", severity = "warning" }
              annotations    = { summary = "p99 latency is high", __dashboardUid__ = "ml-model-monitoring-v1", __panelId__ = "2" }
              is_paused      = false
            }
            """;

    /** A dashboard without message or folder: the server stores an empty message for it. */
    private static final String BARE_TF = """
            resource "dashplane_dashboard" "bare" {
              config_json = jsonencode({ uid = "bare", title = "Bare" })
            }
            """;

    /** Every resource of MAIN_TF and BARE_TF with its import id, except the contact point with secrets. */
    private static final Map<String, String> IMPORT_IDS = importIds();

    private static Map<String, String> importIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("dashplane_environment.minimal", "cli-import-minimal");
        ids.put("dashplane_environment.described", "cli-import-described");
        ids.put("dashplane_folder.ml", "ml");
        ids.put("dashplane_folder.nested", "nested");
        ids.put("dashplane_datasource.minimal", "minimal");
        ids.put("dashplane_datasource.prometheus", "Prometheus");
        ids.put("dashplane_dashboard.ml", "ml-model-monitoring-v1");
        ids.put("dashplane_dashboard.bare", "bare");
        ids.put("dashplane_message_template.ml", "ml-notifications");
        ids.put("dashplane_mute_timing.minimal", "minimal");
        ids.put("dashplane_mute_timing.weekly", "weekly-maintenance");
        ids.put("dashplane_contact_point.email", "ml-email");
        ids.put("dashplane_notification_policy.root", ENVIRONMENT);
        ids.put("dashplane_notification_route.minimal", "minimal");
        ids.put("dashplane_notification_route.ml", "ml-team");
        ids.put("dashplane_rule_group.ml", "ml/ml-model-health");
        ids.put("dashplane_alert_rule.minimal", "minimal");
        ids.put("dashplane_alert_rule.latency", "ml-p99-latency-high");
        return ids;
    }

    private static RealTerraform cli(Path work, String token) throws Exception {
        return RealTerraform.in(work, server, ENVIRONMENT, token);
    }

    private static long dashboardVersion(String uid) {
        return server.object(ENVIRONMENT, "dashboards/" + uid).path("meta").path("version").asLong();
    }

    @Test
    void terraformImportThenPlanFindsNoChangesForEveryResourceType(@TempDir Path work) throws Exception {
        server.newEnvironment(ENVIRONMENT);
        RealTerraform cli = cli(work, server.token());
        Files.writeString(cli.dir().resolve("main.tf"), MAIN_TF);
        Files.writeString(cli.dir().resolve("bare.tf"), BARE_TF);
        Files.copy(Fixtures.example("ml-monitoring").resolve("ml-model-monitoring.json"),
                cli.dir().resolve("ml-model-monitoring.json"));
        cli.ok("init", "-input=false");
        TerraformCliIT.Result apply = cli.ok("apply", "-auto-approve", "-input=false");
        assertTrue(apply.output().contains((IMPORT_IDS.size() + 1) + " added"), apply.output());
        cli.planFindsNothing("apply");
        long mlVersion = dashboardVersion("ml-model-monitoring-v1");
        long bareVersion = dashboardVersion("bare");

        // terraform state rm + terraform import, every object but the contact point with secrets
        List<String> stateRm = new ArrayList<>(List.of("state", "rm"));
        stateRm.addAll(IMPORT_IDS.keySet());
        cli.ok(stateRm.toArray(String[]::new));
        for (Map.Entry<String, String> entry : IMPORT_IDS.entrySet()) {
            cli.ok("import", "-input=false", entry.getKey(), entry.getValue());
        }
        cli.planFindsNothing("terraform import of every resource type");

        // the server never returns secrets: the imported contact point plans one update that writes them
        cli.ok("state", "rm", "dashplane_contact_point.slack");
        cli.ok("import", "-input=false", "dashplane_contact_point.slack", "ml-slack");
        TerraformCliIT.Result secrets = cli.run("plan", "-detailed-exitcode", "-input=false");
        assertEquals(2, secrets.exit(), secrets.transcript());
        assertTrue(secrets.output().contains("dashplane_contact_point.slack will be updated in-place")
                && secrets.output().contains("Plan: 0 to add, 1 to change, 0 to destroy."), secrets.transcript());
        cli.ok("apply", "-auto-approve", "-input=false");
        cli.planFindsNothing("writing the imported contact point's secrets");

        // import blocks
        cli.ok("state", "rm", "dashplane_dashboard.ml", "dashplane_dashboard.bare", "dashplane_folder.nested",
                "dashplane_datasource.minimal", "dashplane_environment.minimal");
        StringBuilder imports = new StringBuilder();
        for (String address : List.of("dashplane_dashboard.ml", "dashplane_dashboard.bare", "dashplane_folder.nested",
                "dashplane_datasource.minimal", "dashplane_environment.minimal")) {
            imports.append("import {\n  to = ").append(address).append("\n  id = \"").append(IMPORT_IDS.get(address))
                    .append("\"\n}\n\n");
        }
        Files.writeString(cli.dir().resolve("imports.tf"), imports.toString());
        TerraformCliIT.Result importPlan = cli.run("plan", "-detailed-exitcode", "-input=false");
        assertTrue(importPlan.output().contains("Plan: 5 to import, 0 to add, 0 to change, 0 to destroy."),
                importPlan.transcript());
        TerraformCliIT.Result imported = cli.ok("apply", "-auto-approve", "-input=false");
        assertTrue(imported.output().contains("5 imported, 0 added, 0 changed, 0 destroyed"), imported.transcript());
        cli.planFindsNothing("import blocks");

        // an import block with -generate-config-out: the generated configuration plans no change either
        cli.ok("state", "rm", "dashplane_dashboard.bare");
        Files.delete(cli.dir().resolve("bare.tf"));
        TerraformCliIT.Result generate = cli.run("plan", "-input=false", "-generate-config-out=generated.tf");
        assertTrue(generate.output().contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."),
                generate.transcript() + "\ngenerated:\n" + Files.readString(cli.dir().resolve("generated.tf")));
        TerraformCliIT.Result generated = cli.ok("apply", "-auto-approve", "-input=false");
        assertTrue(generated.output().contains("1 imported, 0 added, 0 changed, 0 destroyed"), generated.transcript());
        cli.planFindsNothing("-generate-config-out");

        assertEquals(mlVersion, dashboardVersion("ml-model-monitoring-v1"), "no import wrote a new dashboard version");
        assertEquals(bareVersion, dashboardVersion("bare"), "no import wrote a new dashboard version");
    }

    @Test
    void errorTextsLocateInvalidJsonAndSayThatNoTokenIsConfigured(@TempDir Path work) throws Exception {
        RealTerraform cli = cli(work, null);
        String header = MAIN_TF.substring(0, MAIN_TF.indexOf("resource "));
        Files.writeString(cli.dir().resolve("main.tf"), header + """
                resource "dashplane_dashboard" "broken" {
                  config_json = "{\\n  \\"title\\": \\"x\\",,\\n  \\"panels\\": []\\n}"
                }

                resource "dashplane_alert_rule" "broken" {
                  title      = "broken"
                  folder_uid = "ml"
                  rule_group = "g"
                  data_json  = "[{\\"refId\\": \\"A\\""
                }
                """);
        cli.ok("init", "-input=false");
        TerraformCliIT.Result validate = cli.run("validate");
        assertEquals(1, validate.exit(), validate.transcript());
        String output = validate.output();
        assertTrue(output.contains("not valid JSON at line 2, column 16"), output);
        assertTrue(output.contains("data_json is not valid JSON at line 1, column 15"), output);
        for (String internal : List.of("REDACTED", "Source:", "StreamReadFeature", "(code ")) {
            assertFalse(output.contains(internal), "no parser internals (" + internal + "):\n" + output);
        }

        // Terraform configures a provider only when a resource needs it
        Files.writeString(cli.dir().resolve("main.tf"), header + "resource \"dashplane_folder\" \"f\" {\n  title = \"f\"\n}\n");
        TerraformCliIT.Result plan = cli.run("plan", "-input=false");
        assertEquals(1, plan.exit(), plan.transcript());
        assertTrue(plan.output().contains("No API token configured"), plan.transcript());
        assertTrue(plan.output().contains("DASHPLANE_TOKEN"), plan.transcript());
        assertFalse(plan.output().contains("rejected"), plan.transcript());
    }
}
