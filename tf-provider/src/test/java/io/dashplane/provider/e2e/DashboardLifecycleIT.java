package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertAction;
import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static io.dashplane.provider.e2e.Steps.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dashplane_dashboard in a folder whose uid is generated (unknown at plan, so the dashboard's folder is
 * unknown until apply, exercising the final plan), through the whole lifecycle.
 */
class DashboardLifecycleIT {
    private static final String FOLDER = "dashplane_folder.f";
    private static final String ADDRESS = "dashplane_dashboard.d";
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    static String dashboard(String uid, String title) {
        return "{\"uid\":\"" + uid + "\",\"title\":\"" + title + "\",\"tags\":[\"e2e\"],\"schemaVersion\":39,"
                + "\"panels\":[{\"id\":1,\"type\":\"timeseries\",\"title\":\"CPU\",\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},"
                + "\"targets\":[{\"refId\":\"A\",\"expr\":\"rate(cpu[5m])\"}]}]}";
    }

    private static Configuration config(ConfigServer server, int protocol, String configJson) {
        return Configuration.provider(server.providerConfig())
                .with(FOLDER, Map.of("title", "Dashboards " + protocol))
                .with(ADDRESS, Map.of("config_json", configJson, "folder", Configuration.ref(FOLDER, "uid"),
                        "message", "managed by terraform"));
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void lifecycle(int protocol) throws Exception {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String uid = "lifecycle-" + protocol;
        Configuration config = config(server, protocol, dashboard(uid, "Lifecycle " + protocol));
        noErrors("validate", core.validate(config).diagnostics());

        TerraformCore.Plan create = plan(core, config);
        assertAction(create, ADDRESS, Action.CREATE);
        CtyValue planned = create.change(ADDRESS).planned();
        assertEquals(uid, string(planned, "uid"), "the uid comes from config_json at plan time");
        assertFalse(planned.getAttr("folder").isKnown(), "the folder's uid is generated: unknown at plan");
        Steps.apply(core, config, create);
        CtyValue created = core.stateValue(ADDRESS);
        String folderUid = string(core.stateValue(FOLDER), "uid");
        assertEquals(folderUid, string(created, "folder"));
        assertEquals(folderUid, server.object("dashboards/" + uid).path("meta").path("folderUid").asText(),
                "the dashboard is in the folder: " + server.object("dashboards/" + uid));

        noErrors("refresh", core.refresh(config).diagnostics());
        assertEquals(created, core.stateValue(ADDRESS));
        assertNoChanges(core, config);

        String pretty = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard(uid, "Lifecycle " + protocol))
                .toPrettyString();
        assertNoChanges(core, config(server, protocol, pretty));

        Configuration retitled = config(server, protocol, dashboard(uid, "Lifecycle " + protocol + " v2"));
        TerraformCore.Plan update = plan(core, retitled);
        assertAction(update, ADDRESS, Action.UPDATE);
        Steps.apply(core, retitled, update);
        assertEquals("Lifecycle " + protocol + " v2", server.object("dashboards/" + uid).path("dashboard").path("title").asText());
        assertTrue(core.stateValue(ADDRESS).getAttr("version").asLong() > created.getAttr("version").asLong());
        assertNoChanges(core, retitled);

        ObjectNode changed = (ObjectNode) server.object("dashboards/" + uid).path("dashboard");
        changed.put("title", "Edited in the UI");
        server.write("PUT", "dashboards/" + uid, Map.of("dashboard", changed, "folderUid", folderUid));
        TerraformCore.Plan drift = plan(core, retitled);
        assertAction(drift, ADDRESS, Action.UPDATE);
        assertTrue(string(drift.change(ADDRESS).prior(), "config_json").contains("Edited in the UI"), "refresh shows the drift");
        Steps.apply(core, retitled, drift);
        assertNoChanges(core, retitled);

        TerraformCore importer = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration known = Configuration.provider(server.providerConfig())
                .with(FOLDER, Map.of("title", "Dashboards " + protocol, "uid", folderUid))
                .with(ADDRESS, Map.of("config_json", dashboard(uid, "Lifecycle " + protocol + " v2"), "folder", folderUid,
                        "message", "managed by terraform"));
        noErrors("import folder", importer.importResource(known, FOLDER, folderUid).diagnostics());
        noErrors("import dashboard", importer.importResource(known, ADDRESS, uid).diagnostics());
        assertEquals(uid, string(importer.stateValue(ADDRESS), "uid"));
        assertNoChanges(importer, known);

        noErrors("destroy", importer.destroy(known).diagnostics());
        assertNull(server.object("dashboards/" + uid));
        assertNull(server.object("folders/" + folderUid));

        TerraformCore.Plan recreate = plan(core, retitled);
        assertAction(recreate, ADDRESS, Action.CREATE);
        assertAction(recreate, FOLDER, Action.CREATE);
        Steps.apply(core, retitled, recreate);
        noErrors("destroy", core.destroy(retitled).diagnostics());
        assertTrue(core.state().isEmpty());
    }
}
