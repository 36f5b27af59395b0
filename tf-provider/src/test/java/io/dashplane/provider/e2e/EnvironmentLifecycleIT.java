package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertAction;
import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static io.dashplane.provider.e2e.Steps.planAndApply;
import static io.dashplane.provider.e2e.Steps.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Diag;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dashplane_environment through the harness: create, no change on the second plan, a folder placed in it
 * through the per-resource environment override, a refused delete while it holds the folder (outside
 * Terraform), a changed description updating it in place and a changed name replacing it, import by name,
 * destroy.
 */
class EnvironmentLifecycleIT {
    private static final String ENV = "dashplane_environment.staging";
    private static final String FOLDER = "dashplane_folder.ml";

    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void lifecycle(int protocol) {
        String name = "staging-p" + protocol;
        Configuration base = Configuration.provider(server.providerConfig())
                .with(ENV, Map.of("name", name, "description", "pre-production"));
        Configuration config = base.with(FOLDER, Map.of("uid", "ml", "title", "Machine learning",
                "environment", Configuration.ref(ENV, "name")));
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        TerraformCore.Plan create = planAndApply(core, config);
        assertEquals(Action.CREATE, create.change(ENV).action());
        assertEquals("pre-production", server.get("/api/v1/environments/" + name).body().path("description").asText());
        assertNotNull(server.object(name, "folders/ml"), "the folder lives in the new environment");
        assertNull(server.object("default", "folders/ml"), "not in the provider's environment");
        assertEquals(name + "/ml", string(core.stateValue(FOLDER), "id"));
        assertEquals(name, string(core.stateValue(ENV), "id"));
        assertNoChanges(core, config);

        TerraformCore importer = new TerraformCore(TerraformCore.distExecutable(), protocol);
        noErrors("import", importer.importResource(config, ENV, name).diagnostics());
        noErrors("import folder", importer.importResource(config, FOLDER, name + "/ml").diagnostics());
        assertEquals("pre-production", string(importer.stateValue(ENV), "description"));
        assertNoChanges(importer, config);
        assertTrue(importer.importResource(config.with("dashplane_environment.missing", Map.of("name", "no-such-environment")),
                "dashplane_environment.missing", "no-such-environment").hasErrors(), "importing a missing environment is an error");

        // an object Terraform does not manage keeps the environment from being deleted
        server.post("/api/v1/environments/" + name + "/folders", Map.of("uid", "manual", "title", "Manual"));
        TerraformCore.Plan update = plan(core, config.with(ENV, Map.of("name", name, "description", "staging")));
        assertAction(update, ENV, Action.UPDATE);
        TerraformCore.Plan replace = plan(core, base.with(ENV, Map.of("name", name + "-renamed", "description", "pre-production")));
        assertAction(replace, ENV, Action.REPLACE);
        assertTrue(Diag.hasErrors(core.destroy(base).diagnostics()), "deleting a non-empty environment is refused");
        assertNotNull(server.object(name, "folders/manual"));
        server.delete("/api/v1/environments/" + name + "/folders/manual");

        noErrors("destroy", core.destroy(config).diagnostics());
        assertEquals(404, server.get("/api/v1/environments/" + name).status());
        assertTrue(core.state().isEmpty());
    }
}
