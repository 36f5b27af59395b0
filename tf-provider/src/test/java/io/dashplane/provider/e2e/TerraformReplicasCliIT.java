package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.PostgresSettings;
import io.dashplane.server.testdb.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the config server on one throw-away PostgreSQL (api-server's test jar, testdb.ThrowawayPostgres),
 * sharing one secret key as every replica must, and the real Terraform CLI: {@code terraform apply} with the provider
 * pointed at replica A, then {@code terraform plan -detailed-exitcode} with the same state pointed at replica B must
 * find no change, and {@code terraform destroy} through B removes what A created. The replicas run in this JVM, each
 * with its own database pool, caches and locks: they share nothing but the database.
 */
class TerraformReplicasCliIT {
    private static ThrowawayPostgres postgres;
    private static ConfigServer replicaA;
    private static ConfigServer replicaB;

    @BeforeAll
    static void twoReplicasOnOnePostgres(@TempDir Path dataDirs) {
        postgres = ThrowawayPostgres.start();
        PostgresSettings database = postgres.createEmptyDatabase();
        String key = SecretKeys.generate();
        replicaA = ConfigServer.start(ServerConfig.ephemeral(dataDirs.resolve("a")).withDatabase(database)
                .withSecretKey(key));
        replicaB = ConfigServer.start(ServerConfig.ephemeral(dataDirs.resolve("b")).withDatabase(database)
                .withSecretKey(key));
    }

    @AfterAll
    static void stop() {
        if (replicaA != null) {
            replicaA.close();
        }
        if (replicaB != null) {
            replicaB.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ml-monitoring", "ml-alerting"})
    void applyThroughOneReplicaThenPlanThroughTheOtherFindsNoChange(String exampleName, @TempDir Path work)
            throws Exception {
        Optional<Path> terraform = TerraformCliIT.terraformOnPath();
        assumeTrue(terraform.isPresent(), "no terraform binary on PATH: the real-CLI test is skipped");
        String environment = "replicas-" + exampleName;
        replicaA.newEnvironment(environment);
        Path example = copyExample(exampleName, work);
        Map<String, String> throughA = RealTerraform.cliEnvironment(work, RealTerraform.installMirror(work));
        throughA.put("DASHPLANE_TOKEN", replicaA.token());
        throughA.put("DASHPLANE_ENVIRONMENT", environment);
        Map<String, String> throughB = new HashMap<>(throughA);
        throughA.put("TF_VAR_dashplane_url", replicaA.url());
        throughB.put("TF_VAR_dashplane_url", replicaB.url());
        String tf = terraform.get().toString();

        TerraformCliIT.Result init = TerraformCliIT.run(List.of(tf, "init", "-input=false", "-no-color"), example,
                throughA);
        assertEquals(0, init.exit(), init.transcript());
        TerraformCliIT.Result apply = TerraformCliIT.run(List.of(tf, "apply", "-auto-approve", "-input=false",
                "-no-color"), example, throughA);
        assertEquals(0, apply.exit(), apply.transcript());
        assertTrue(apply.output().contains(" added"), apply.output());
        String someObject = exampleName.equals("ml-alerting") ? "contact-points/ml-slack" : "folders/ml";
        assertNotNull(replicaB.object(environment, someObject), "replica B sees what was applied through A");

        TerraformCliIT.Result plan = TerraformCliIT.run(List.of(tf, "plan", "-detailed-exitcode", "-input=false",
                "-no-color"), example, throughB);
        assertEquals(0, plan.exit(), "a plan through replica B after an apply through A must find no changes (exit 0):\n"
                + plan.transcript());

        TerraformCliIT.Result destroy = TerraformCliIT.run(List.of(tf, "destroy", "-auto-approve", "-input=false",
                "-no-color"), example, throughB);
        assertEquals(0, destroy.exit(), destroy.transcript());
        assertNull(replicaA.object(environment, someObject), "replica A sees what was destroyed through B");
    }

    private static Path copyExample(String name, Path work) throws Exception {
        Path example = work.resolve(name);
        Path source = Fixtures.example(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = example.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return example;
    }
}
