package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Terraform CLI (skipped without a {@code terraform} on PATH) on what a configuration author runs
 * into: an environment's description changed in place, an environment used in the configuration that
 * creates it, a multi-environment change that plans only what changed, and a dashboard exported for sharing.
 */
class TerraformErgonomicsCliIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    @Test
    void aChangedEnvironmentDescriptionIsUpdatedInPlaceAndItsContentStays(@TempDir Path work) throws Exception {
        RealTerraform tf = RealTerraform.in(work, server, "default", server.token());
        String environment = """
                resource "dashplane_environment" "qa" {
                  name        = "cli-described"
                  description = "%s"
                }

                resource "dashplane_folder" "ml" {
                  environment = dashplane_environment.qa.name
                  uid         = "ml"
                  title       = "Machine learning"
                }
                """;
        Files.writeString(tf.dir().resolve("main.tf"), RealTerraform.PROVIDER + environment.formatted("quality"));
        tf.ok("init", "-input=false");
        tf.ok("apply", "-auto-approve", "-input=false");

        Files.writeString(tf.dir().resolve("main.tf"), RealTerraform.PROVIDER + environment.formatted("quality assurance"));
        TerraformCliIT.Result plan = tf.run("plan", "-detailed-exitcode", "-input=false");
        assertEquals(2, plan.exit(), plan.transcript());
        assertTrue(plan.output().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.transcript());
        assertTrue(plan.output().contains("will be updated in-place"), plan.transcript());
        TerraformCliIT.Result apply = tf.ok("apply", "-auto-approve", "-input=false");
        assertTrue(apply.output().contains("0 added, 1 changed, 0 destroyed"), apply.transcript());

        JsonNode stored = server.get("/api/v1/environments/cli-described").body();
        assertEquals("quality assurance", stored.path("description").asText(), stored.toString());
        assertEquals(2, stored.path("version").asLong(), stored.toString());
        assertNotNull(server.object("cli-described", "folders/ml"), "the folder in the environment stays");
        tf.planFindsNothing("the description update");
        tf.ok("destroy", "-auto-approve", "-input=false");
    }

    @Test
    void aProviderBlockAndAResourceUseAnEnvironmentCreatedInTheSameConfiguration(@TempDir Path work) throws Exception {
        RealTerraform tf = RealTerraform.in(work, server, "default", server.token());
        Files.writeString(tf.dir().resolve("main.tf"), RealTerraform.PROVIDER + """
                resource "dashplane_environment" "team" {
                  name = "cli-team"
                }

                provider "dashplane" {
                  alias       = "team"
                  url         = var.dashplane_url
                  environment = dashplane_environment.team.name
                }

                resource "dashplane_folder" "through_provider" {
                  provider = dashplane.team
                  uid      = "through-provider"
                  title    = "Through the provider block"
                }

                resource "dashplane_folder" "through_argument" {
                  environment = dashplane_environment.team.name
                  uid         = "through-argument"
                  title       = "Through the environment argument"
                }
                """);
        tf.ok("init", "-input=false");
        TerraformCliIT.Result apply = tf.ok("apply", "-auto-approve", "-input=false");
        assertTrue(apply.output().contains("3 added"), apply.transcript());
        assertTrue(apply.output().contains("Environment does not exist yet"),
                "the plan is configured before the environment exists: a warning, not an error: " + apply.transcript());
        assertNotNull(server.object("cli-team", "folders/through-provider"), apply.transcript());
        assertNotNull(server.object("cli-team", "folders/through-argument"), apply.transcript());
        tf.planFindsNothing("creating the environment and its content in one apply");
        TerraformCliIT.Result destroy = tf.ok("destroy", "-auto-approve", "-input=false");
        assertTrue(destroy.output().contains("3 destroyed"), destroy.transcript());
        assertEquals(404, server.get("/api/v1/environments/cli-team").status());
    }

    @Test
    void changingDevsPrometheusUrlInTheMultiEnvironmentExamplePlansExactlyOneChange(@TempDir Path work) throws Exception {
        RealTerraform tf = RealTerraform.in(work, server, "default", server.token());
        copyExample("multi-env", tf.dir());
        tf.ok("init", "-input=false");
        tf.ok("apply", "-auto-approve", "-input=false");

        Path main = tf.dir().resolve("main.tf");
        String before = Files.readString(main);
        assertTrue(before.contains("\"http://prometheus.dev:9090\""), "the example sets dev's Prometheus URL");
        Files.writeString(main, before.replace("\"http://prometheus.dev:9090\"", "\"http://prometheus.dev:9091\""));
        TerraformCliIT.Result plan = tf.run("plan", "-detailed-exitcode", "-input=false");
        assertEquals(2, plan.exit(), plan.transcript());
        assertTrue(plan.output().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.transcript());
        assertTrue(plan.output().contains("# dashplane_datasource.prometheus[\"dev\"] will be updated in-place"), plan.transcript());
        // one resource in the plan; the dashboards and rules that use dev's datasource uid are not in it
        assertEquals(1, plan.output().lines().filter(line -> line.startsWith("  # ")).count(), plan.transcript());
        assertFalse(plan.output().contains("module.ml_monitoring[\"dev\"].dashplane_dashboard.ml will be"), plan.transcript());

        TerraformCliIT.Result apply = tf.ok("apply", "-auto-approve", "-input=false");
        assertTrue(apply.output().contains("0 added, 1 changed, 0 destroyed"), apply.transcript());
        assertEquals("http://prometheus.dev:9091",
                server.get("/api/v1/environments/dev/datasources/name/Prometheus").body().path("url").asText());
        tf.planFindsNothing("changing dev's Prometheus URL");
        tf.ok("destroy", "-auto-approve", "-input=false");
    }

    @Test
    void aDashboardExportedForSharingIsAppliedWithItsInputsBoundAndPlansNoChange(@TempDir Path work) throws Exception {
        String environment = "cli-shared";
        server.newEnvironment(environment);
        RealTerraform tf = RealTerraform.in(work, server, environment, server.token());
        copyExample("shared-dashboard", tf.dir());
        tf.ok("init", "-input=false");
        TerraformCliIT.Result apply = tf.ok("apply", "-auto-approve", "-input=false");
        assertTrue(apply.output().contains("2 added"), apply.transcript());

        String datasourceUid = server.get("/api/v1/environments/" + environment + "/datasources/name/"
                + "Prometheus%20(shared%20example)").body().path("uid").asText();
        assertFalse(datasourceUid.isEmpty());
        JsonNode stored = server.object(environment, "dashboards/scrape-health").path("dashboard");
        assertFalse(stored.has("__inputs"), stored.toString());
        assertEquals(datasourceUid, stored.at("/panels/0/datasource/uid").asText(), stored.toString());
        assertEquals(datasourceUid, stored.at("/panels/1/targets/0/datasource/uid").asText(), stored.toString());
        assertFalse(apply.output().contains("placeholder"), "no warning about unbound inputs: " + apply.transcript());
        tf.planFindsNothing("applying a dashboard exported for sharing");

        // an input the configuration does not bind is an error on inputs, naming it
        Path main = tf.dir().resolve("main.tf");
        Files.writeString(main, Files.readString(main).replace("DS_PROMETHEUS = dashplane_datasource.prom.uid",
                "DS_OTHER = dashplane_datasource.prom.uid"));
        TerraformCliIT.Result unbound = tf.run("apply", "-auto-approve", "-input=false");
        assertEquals(1, unbound.exit(), unbound.transcript());
        assertTrue(unbound.output().contains("DS_PROMETHEUS"), unbound.transcript());
        assertTrue(unbound.output().contains("inputs"), unbound.transcript());
        tf.ok("destroy", "-auto-approve", "-input=false");
    }

    @Test
    void theLockFileCommandsOfTheDocsRecordTheMirrorsChecksum(@TempDir Path work) throws Exception {
        RealTerraform tf = RealTerraform.in(work, server, "default", server.token());
        Files.writeString(tf.dir().resolve("main.tf"), RealTerraform.PROVIDER);
        TerraformCliIT.Result init = tf.ok("init", "-input=false");
        assertTrue(init.output().contains("Incomplete lock file information for providers"), init.transcript());
        Path mirror = work.resolve("mirror");
        String platform;
        try (Stream<Path> dirs = Files.list(mirror.resolve("registry.terraform.io/dashplane/dashplane/0.1.0"))) {
            platform = dirs.findFirst().orElseThrow().getFileName().toString();
        }
        String recorded = Files.readString(tf.dir().resolve(".terraform.lock.hcl"));
        assertTrue(recorded.contains("\"h1:"), recorded);

        TerraformCliIT.Result lock = tf.ok("providers", "lock", "-fs-mirror=" + mirror, "-platform=" + platform);
        assertTrue(lock.output().contains("Success!"), lock.transcript());
        assertEquals(recorded, Files.readString(tf.dir().resolve(".terraform.lock.hcl")), "the same checksum is recorded");
        TerraformCliIT.Result again = tf.ok("init", "-input=false");
        assertFalse(again.output().contains("Incomplete lock file information"), again.transcript());

        String other = platform.equals("darwin_arm64") ? "linux_amd64" : "darwin_arm64";
        TerraformCliIT.Result missing = tf.run("providers", "lock", "-fs-mirror=" + mirror, "-platform=" + other);
        assertEquals(1, missing.exit(), missing.transcript());
        assertTrue(missing.output().replaceAll("\\s+", " ").contains("0.1.0 is not available for " + other), missing.transcript());

        // a reinstalled provider (a new start-up archive) has a new checksum: a fresh checkout's init refuses it
        // until the documented lock command adds it
        RealTerraform.installMirror(work);
        deleteRecursively(tf.dir().resolve(".terraform"));
        TerraformCliIT.Result refused = tf.run("init", "-input=false");
        assertEquals(1, refused.exit(), refused.transcript());
        assertTrue(refused.output().replaceAll("\\s+", " ").contains("doesn't match any of the checksums"), refused.transcript());
        tf.ok("providers", "lock", "-fs-mirror=" + mirror, "-platform=" + platform);
        tf.ok("init", "-input=false");
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyExample(String name, Path target) throws Exception {
        Path source = Fixtures.example(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
