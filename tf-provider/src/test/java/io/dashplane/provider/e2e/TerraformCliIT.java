package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Terraform CLI (a {@code terraform} on PATH; skipped without one) against
 * examples/terraform/ml-monitoring copied to a temporary directory: the provider installed with
 * install-mirror.sh into a filesystem mirror, a CLI configuration with only that mirror (no network),
 * init, apply, a plan with -detailed-exitcode that must find no changes, destroy. Terraform 1.x offers
 * protocols 5 and 6 and has no switch to offer only 5; for the protocol 5 run the installed executable is
 * wrapped so that it is offered "5" only, and Terraform's log must show that it used protocol 5.
 */
class TerraformCliIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    static Optional<Path> terraformOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "terraform"))
                .filter(Files::isExecutable).findFirst();
    }

    /** {@code output} is what the command printed, {@code transcript} that with the command line. */
    record Result(int exit, String output, String transcript) {
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void exampleWithTheRealTerraform(int protocol, @TempDir Path work) throws Exception {
        Optional<Path> terraform = terraformOnPath();
        assumeTrue(terraform.isPresent(), "no terraform binary on PATH: the real-CLI test is skipped");

        Path mirror = RealTerraform.installMirror(work);
        Path platformDir;
        try (Stream<Path> dirs = Files.list(mirror.resolve("registry.terraform.io/dashplane/dashplane/0.1.0"))) {
            platformDir = dirs.findFirst().orElseThrow();
        }
        Path executable = platformDir.resolve("terraform-provider-dashplane_v0.1.0");
        if (protocol == 5) {
            Path real = platformDir.resolve("terraform-provider-dashplane_v0.1.0-launcher");
            Files.move(executable, real);
            Files.writeString(executable, "#!/bin/sh\n# offers the provider protocol 5 only, as Terraform 0.13/0.14 do\n"
                    + "PLUGIN_PROTOCOL_VERSIONS=5 exec \"$(dirname \"$0\")/terraform-provider-dashplane_v0.1.0-launcher\" \"$@\"\n");
            executable.toFile().setExecutable(true);
        }

        Path example = work.resolve("ml-monitoring");
        Files.createDirectories(example);
        try (Stream<Path> files = Files.list(Fixtures.example("ml-monitoring"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, example.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String environment = "cli-p" + protocol;
        server.newEnvironment(environment);
        Path log = work.resolve("terraform.log");
        Map<String, String> env = RealTerraform.cliEnvironment(work, mirror);
        env.put("TF_VAR_dashplane_url", server.url());
        env.put("DASHPLANE_TOKEN", server.token());
        env.put("DASHPLANE_ENVIRONMENT", environment);
        env.put("TF_LOG", "DEBUG");
        env.put("TF_LOG_PATH", log.toString());
        String tf = terraform.get().toString();

        Result init = run(List.of(tf, "init", "-input=false", "-no-color"), example, env);
        assertEquals(0, init.exit(), init.transcript());
        Result apply = run(List.of(tf, "apply", "-auto-approve", "-input=false", "-no-color"), example, env);
        assertEquals(0, apply.exit(), apply.transcript());
        assertTrue(apply.output().contains("3 added"), apply.output());
        JsonNode folder = server.object(environment, "folders/ml");
        assertNotNull(folder, "the folder exists after apply");
        assertNotNull(server.object(environment, "datasources/Prometheus"));

        Result plan = run(List.of(tf, "plan", "-detailed-exitcode", "-input=false", "-no-color"), example, env);
        assertEquals(0, plan.exit(), "a second plan must find no changes (exit 0):\n" + plan.transcript());

        Result output = run(List.of(tf, "output", "-raw", "dashboard_url"), example, env);
        assertEquals(0, output.exit(), output.transcript());
        assertTrue(output.output().trim().startsWith("/d/"), output.transcript());

        Result destroy = run(List.of(tf, "destroy", "-auto-approve", "-input=false", "-no-color"), example, env);
        assertEquals(0, destroy.exit(), destroy.transcript());
        assertTrue(destroy.output().contains("3 destroyed"), destroy.output());
        assertNull(server.object(environment, "folders/ml"));

        String logText = Files.readString(log);
        assertTrue(logText.contains("using plugin: version=" + protocol),
                "Terraform's log must show protocol " + protocol + " in use");
    }

    /**
     * examples/terraform/ml-alerting with the real CLI (protocol 6): apply, a second plan without changes,
     * destroy in Terraform's dependency order.
     */
    @org.junit.jupiter.api.Test
    void alertingExampleWithTheRealTerraform(@TempDir Path work) throws Exception {
        String environment = "cli-alerting";
        server.newEnvironment(environment);
        applyPlanDestroy(work, "ml-alerting", environment, 12, () -> {
            assertNotNull(server.object(environment, "alert-rules/ml-p99-latency-high"));
            assertNotNull(server.object(environment, "notification-policy/routes/ml-pagerduty"));
        });
        assertNull(server.object(environment, "alert-rules/ml-p99-latency-high"));
        assertNull(server.object(environment, "contact-points/ml-slack"));
    }

    /**
     * examples/terraform/multi-env with the real CLI: three environments, each with its own datasource
     * (different uids), the same module applied to each; every alert rule queries its own environment's
     * datasource.
     */
    @org.junit.jupiter.api.Test
    void multiEnvironmentExampleWithTheRealTerraform(@TempDir Path work) throws Exception {
        applyPlanDestroy(work, "multi-env", "default", 18, () -> {
            for (String env : List.of("dev", "staging", "prod")) {
                String datasourceUid = server.get("/api/v1/environments/" + env + "/datasources/name/Prometheus")
                        .body().path("uid").asText();
                JsonNode rule = server.object(env, "alert-rules/ml-p99-latency-high");
                assertEquals(datasourceUid, rule.path("data").path(0).path("datasourceUid").asText(), env + ": " + rule);
                assertNotNull(server.object(env, "dashboards/ml-model-monitoring"), env);
            }
        });
        for (String env : List.of("dev", "staging", "prod")) {
            assertEquals(404, server.get("/api/v1/environments/" + env).status(), env + " is destroyed");
        }
    }

    /** Copies an example, then init, apply (expecting {@code resources} added), plan without changes, destroy. */
    private void applyPlanDestroy(Path work, String exampleName, String environment, int resources, Runnable afterApply)
            throws Exception {
        Optional<Path> terraform = terraformOnPath();
        assumeTrue(terraform.isPresent(), "no terraform binary on PATH: the real-CLI test is skipped");
        Path mirror = RealTerraform.installMirror(work);
        Path example = work.resolve(exampleName);
        Path source = Fixtures.example(exampleName);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".tf")).toList()) {
                Path target = example.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Map<String, String> env = RealTerraform.cliEnvironment(work, mirror);
        env.put("TF_VAR_dashplane_url", server.url());
        env.put("DASHPLANE_TOKEN", server.token());
        env.put("DASHPLANE_ENVIRONMENT", environment);
        String tf = terraform.get().toString();

        Result init = run(List.of(tf, "init", "-input=false", "-no-color"), example, env);
        assertEquals(0, init.exit(), init.transcript());
        Result apply = run(List.of(tf, "apply", "-auto-approve", "-input=false", "-no-color"), example, env);
        assertEquals(0, apply.exit(), apply.transcript());
        assertTrue(apply.output().contains(resources + " added"), apply.output());
        afterApply.run();

        Result plan = run(List.of(tf, "plan", "-detailed-exitcode", "-input=false", "-no-color"), example, env);
        assertEquals(0, plan.exit(), "a second plan must find no changes (exit 0):\n" + plan.transcript());

        Result destroy = run(List.of(tf, "destroy", "-auto-approve", "-input=false", "-no-color"), example, env);
        assertEquals(0, destroy.exit(), destroy.transcript());
        assertTrue(destroy.output().contains(resources + " destroyed"), destroy.output());
    }

    static Result run(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        // provider daemons started by tests go soon after their last session (see docs/performance.md)
        pb.environment().put("DASHPLANE_PROVIDER_DAEMON_IDLE", "20s");
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 5 minutes");
        }
        String text = new String(out);
        return new Result(process.exitValue(), text, String.join(" ", command) + " ->\n" + text);
    }
}
