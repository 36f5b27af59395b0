package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertAction;
import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static io.dashplane.provider.e2e.Steps.planAndApply;
import static io.dashplane.provider.e2e.Steps.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** dashplane_folder through the whole Terraform lifecycle, in protocol 5 and 6. */
class FolderLifecycleIT {
    private static final String ADDRESS = "dashplane_folder.team";
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void lifecycle(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String title = "Team " + protocol;
        Configuration config = Configuration.provider(server.providerConfig()).with(ADDRESS, Map.of("title", title));

        noErrors("validate", core.validate(config).diagnostics());

        TerraformCore.Plan create = plan(core, config);
        assertAction(create, ADDRESS, Action.CREATE);
        CtyValue planned = create.change(ADDRESS).planned();
        assertFalse(planned.getAttr("uid").isKnown(), "a generated uid is unknown at plan: " + planned);
        assertFalse(planned.getAttr("version").isKnown());
        assertEquals("default", string(planned, "environment"));
        core.apply(config, create);

        CtyValue created = core.stateValue(ADDRESS);
        String uid = string(created, "uid");
        assertNotNull(uid);
        assertEquals(title, server.object("folders/" + uid).path("title").asText());
        assertEquals("default/" + uid, string(created, "id"));

        noErrors("refresh", core.refresh(config).diagnostics());
        assertEquals(created, core.stateValue(ADDRESS), "a refresh without changes keeps the state");
        assertNoChanges(core, config);

        Configuration renamed = config.with(ADDRESS, Map.of("title", title + " renamed"));
        TerraformCore.Plan update = plan(core, renamed);
        assertAction(update, ADDRESS, Action.UPDATE);
        Steps.apply(core, renamed, update);
        assertEquals(title + " renamed", server.object("folders/" + uid).path("title").asText());
        assertEquals(uid, string(core.stateValue(ADDRESS), "uid"), "an update keeps the uid");
        assertNoChanges(core, renamed);

        server.write("PUT", "folders/" + uid, Map.of("title", "Changed elsewhere " + protocol));
        TerraformCore.Plan drift = plan(core, renamed);
        assertAction(drift, ADDRESS, Action.UPDATE);
        assertEquals("Changed elsewhere " + protocol, string(drift.change(ADDRESS).prior(), "title"), "refresh shows the drift");
        assertEquals(title + " renamed", string(drift.change(ADDRESS).planned(), "title"));
        Steps.apply(core, renamed, drift);
        assertNoChanges(core, renamed);

        TerraformCore importer = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration imported = config.with(ADDRESS, Map.of("title", title + " renamed", "uid", uid));
        noErrors("import", importer.importResource(imported, ADDRESS, uid).diagnostics());
        assertEquals(uid, string(importer.stateValue(ADDRESS), "uid"));
        assertEquals(title + " renamed", string(importer.stateValue(ADDRESS), "title"));
        assertNoChanges(importer, imported);
        assertTrue(importer.importResource(imported.with("dashplane_folder.missing", Map.of("title", "x")),
                "dashplane_folder.missing", "no-such-folder").hasErrors(), "importing a missing folder is an error");

        noErrors("destroy", importer.destroy(imported).diagnostics());
        assertNull(server.object("folders/" + uid), "destroy deletes the folder");
        assertTrue(importer.state().isEmpty());

        TerraformCore.Plan recreate = plan(core, renamed);
        assertNull(core.stateValue(ADDRESS), "an object deleted on the server leaves the state on refresh");
        assertAction(recreate, ADDRESS, Action.CREATE);
        Steps.apply(core, renamed, recreate);
        noErrors("destroy", core.destroy(renamed).diagnostics());
        assertTrue(core.state().isEmpty());
    }
}
