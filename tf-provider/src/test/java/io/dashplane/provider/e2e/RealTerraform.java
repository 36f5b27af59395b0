package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.TerraformCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real Terraform CLI from PATH (tests are skipped without one) in a configuration directory, with the
 * packaged provider installed into a filesystem mirror and a CLI configuration that uses only that mirror.
 */
record RealTerraform(String terraform, Path dir, Map<String, String> env) {
    /** The provider requirement and block every configuration starts with; the URL comes from TF_VAR_dashplane_url. */
    static final String PROVIDER = io.dashplane.provider.harness.Fixtures.PROVIDER_CONFIGURATION;

    /** Installs the provider under {@code work} and points it at {@code server}'s {@code environment}. */
    static RealTerraform in(Path work, ConfigServer server, String environment, String token) throws Exception {
        Optional<Path> terraform = TerraformCliIT.terraformOnPath();
        assumeTrue(terraform.isPresent(), "no terraform binary on PATH: the real-CLI test is skipped");
        Map<String, String> env = cliEnvironment(work, installMirror(work));
        env.put("TF_VAR_dashplane_url", server.url());
        env.put("DASHPLANE_ENVIRONMENT", environment);
        // a DASHPLANE_TOKEN of the machine running the tests must not leak into a no-token case
        env.put("DASHPLANE_TOKEN", token == null ? "" : token);
        Path dir = work.resolve("config");
        Files.createDirectories(dir);
        return new RealTerraform(terraform.get().toString(), dir, env);
    }

    /** The packaged provider installed by its install-mirror.sh into {@code work/mirror}; returns the mirror. */
    static Path installMirror(Path work) throws Exception {
        Path mirror = work.resolve("mirror");
        TerraformCliIT.Result installed = TerraformCliIT.run(List.of(
                TerraformCore.distExecutable().resolveSibling("install-mirror.sh").toString(), mirror.toString()), work, Map.of());
        assertEquals(0, installed.exit(), installed.transcript());
        return mirror;
    }

    /** A CLI configuration that installs the provider only from {@code mirror}, and the non-interactive settings. */
    static Map<String, String> cliEnvironment(Path work, Path mirror) throws Exception {
        Path cliConfig = work.resolve("terraform.rc");
        Files.writeString(cliConfig, "provider_installation {\n  filesystem_mirror {\n    path    = \""
                + mirror + "\"\n    include = [\"registry.terraform.io/dashplane/dashplane\"]\n  }\n}\n");
        Map<String, String> env = new HashMap<>();
        env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        return env;
    }

    TerraformCliIT.Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(terraform);
        command.addAll(List.of(args));
        command.add("-no-color");
        return TerraformCliIT.run(command, dir, env);
    }

    TerraformCliIT.Result ok(String... args) throws Exception {
        TerraformCliIT.Result result = run(args);
        assertEquals(0, result.exit(), result.transcript());
        return result;
    }

    /** {@code terraform plan -detailed-exitcode} must find no changes. */
    void planFindsNothing(String after) throws Exception {
        TerraformCliIT.Result plan = run("plan", "-detailed-exitcode", "-input=false");
        assertEquals(0, plan.exit(), "after " + after + " a plan must find no changes (exit 0):\n" + plan.transcript());
    }
}
