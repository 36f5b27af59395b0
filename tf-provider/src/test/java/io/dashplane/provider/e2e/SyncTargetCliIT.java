package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.provider.harness.ConfigServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashplane_sync_target} with the real Terraform CLI (skipped without a {@code terraform} on PATH): create,
 * a plan without changes, an in-place update, import, destroy; bad values fail {@code plan} on their attribute.
 * The target's Grafana is a second Dashplane server reached through its Grafana-compatible API.
 */
class SyncTargetCliIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();
    @RegisterExtension
    static final ConfigServer grafana = ConfigServer.perTestClass();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "/api/v1/environments/delivery/targets/grafana-a";

    private static String mainTf(String targetArguments) {
        return RealTerraform.PROVIDER + """
                variable "grafana_url" {
                  type = string
                }

                variable "grafana_token" {
                  type      = string
                  sensitive = true
                }

                resource "dashplane_sync_target" "a" {
                  environment = "delivery"
                  name        = "grafana-a"
                  url         = var.grafana_url
                  token       = var.grafana_token
                %s}

                resource "dashplane_dashboard" "ml" {
                  environment = "delivery"
                  config_json = jsonencode({ uid = "sync-ml", title = "Synced ML", schemaVersion = 39, panels = [] })
                  depends_on  = [dashplane_sync_target.a]
                }

                output "ml_in_grafana_a" {
                  value = dashplane_dashboard.ml.target_urls["grafana-a"]
                }
                """.formatted(targetArguments);
    }

    @Test
    void aSyncTargetIsCreatedUpdatedInPlaceImportedAndDestroyedAndItsDashboardsKnowTheirUrlInItsGrafana(
            @TempDir Path work) throws Exception {
        server.newEnvironment("delivery");
        RealTerraform cli = cli(work);
        Path mainTf = cli.dir().resolve("main.tf");
        Files.writeString(mainTf, mainTf(""));
        cli.ok("init", "-input=false");
        TerraformCliIT.Result created = cli.ok("apply", "-auto-approve", "-input=false");
        assertTrue(created.output().contains("2 added"), created.output());

        ConfigServer.Response target = server.get(TARGET);
        assertEquals(200, target.status(), String.valueOf(target.body()));
        assertEquals(grafana.url(), target.body().path("url").asText(), target.body().toString());
        assertEquals(1, target.body().path("orgId").asLong(), target.body().toString());
        assertEquals("revert", target.body().path("drift").asText(), target.body().toString());
        assertTrue(target.body().path("hasToken").asBoolean(), target.body().toString());
        assertFalse(target.body().toString().contains(grafana.token()), "the token is never read back");
        long createdVersion = target.body().path("version").asLong();

        // the dashboard's URL in the target's Grafana, as the server answers it, is in the state
        JsonNode dashboard = server.object("delivery", "dashboards/sync-ml");
        JsonNode targetUrls = dashboard.has("targetUrls") ? dashboard.get("targetUrls") : dashboard.path("meta").path("targetUrls");
        String url = targetUrls.path("grafana-a").asText();
        assertTrue(url.startsWith(grafana.url() + "/d/sync-ml"), dashboard.toString());
        assertEquals(url, output(cli, "ml_in_grafana_a"));
        cli.planFindsNothing("creating a sync target and a dashboard that depends on it");

        Files.writeString(mainTf, mainTf("  resync_interval = \"300s\"\n"));
        cli.planFindsNothing("spelling the default resync interval 5m as 300s");

        Files.writeString(mainTf, mainTf("  resync_interval = \"10m\"\n  drift = \"report\"\n  editable = true\n"
                + "  tls {\n    insecure_skip_verify = true\n  }\n"));
        TerraformCliIT.Result update = cli.ok("apply", "-auto-approve", "-input=false");
        assertTrue(update.output().contains("1 changed, 0 destroyed"), update.output());
        assertFalse(update.output().contains("must be replaced"), update.output());
        target = server.get(TARGET);
        assertEquals("report", target.body().path("drift").asText(), target.body().toString());
        assertTrue(target.body().path("editable").asBoolean(), target.body().toString());
        assertTrue(target.body().at("/tls/insecureSkipVerify").asBoolean(), target.body().toString());
        assertTrue(target.body().path("hasToken").asBoolean(), "an update without a new token keeps it: " + target.body());
        assertTrue(target.body().path("version").asLong() > createdVersion, target.body().toString());
        cli.planFindsNothing("updating the target in place");

        // import: everything but the write-only token reads back; the plan writes the token once, then nothing
        cli.ok("state", "rm", "dashplane_sync_target.a");
        cli.ok("import", "-input=false", "dashplane_sync_target.a", "delivery/grafana-a");
        TerraformCliIT.Result afterImport = cli.run("plan", "-detailed-exitcode", "-input=false");
        assertEquals(2, afterImport.exit(), afterImport.transcript());
        assertTrue(afterImport.output().contains("0 to add, 1 to change, 0 to destroy"), afterImport.output());
        assertTrue(Pattern.compile("\\+ token\\s+= \\(sensitive value\\)").matcher(afterImport.output()).find(),
                "only the token, which the server never returns, is planned:\n" + afterImport.output());
        cli.ok("apply", "-auto-approve", "-input=false");
        cli.planFindsNothing("importing the target and writing its token once");

        TerraformCliIT.Result destroyed = cli.ok("destroy", "-auto-approve", "-input=false");
        assertTrue(destroyed.output().contains("2 destroyed"), destroyed.output());
        assertEquals(404, server.get(TARGET).status());
    }

    @Test
    void aBadUrlOrDriftPolicyFailsThePlanWithADiagnosticOnTheAttribute(@TempDir Path work) throws Exception {
        RealTerraform cli = cli(work);
        Files.writeString(cli.dir().resolve("main.tf"), RealTerraform.PROVIDER + """
                resource "dashplane_sync_target" "bad" {
                  environment = "default"
                  name        = "grafana-bad"
                  url         = "ftp://grafana.example.com"
                  drift       = "sometimes"
                }
                """);
        cli.ok("init", "-input=false");
        TerraformCliIT.Result plan = cli.run("plan", "-input=false");
        String output = plan.output();
        assertEquals(1, plan.exit(), plan.transcript());
        assertTrue(output.contains("Error: Invalid Grafana URL"), output);
        assertTrue(Pattern.compile("\\d+:\\s+url\\s+= \"ftp://grafana.example.com\"").matcher(output).find(),
                "the URL error points at the url line:\n" + output);
        assertTrue(output.contains("must be one of revert, report, got \"sometimes\""), output);
        assertTrue(Pattern.compile("\\d+:\\s+drift\\s+= \"sometimes\"").matcher(output).find(),
                "the drift error points at the drift line:\n" + output);
        assertEquals(404, server.get("/api/v1/environments/default/targets/grafana-bad").status(), "nothing was written");
    }

    private static RealTerraform cli(Path work) throws Exception {
        RealTerraform cli = RealTerraform.in(work, server, "default", server.token());
        cli.env().put("TF_VAR_grafana_url", grafana.url());
        cli.env().put("TF_VAR_grafana_token", grafana.token());
        return cli;
    }

    private static String output(RealTerraform cli, String name) throws Exception {
        return JSON.readTree(cli.ok("output", "-json", name).output()).asText();
    }
}
