package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.planAndApply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.TerraformCore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored state goes through UpgradeResourceState as raw JSON in every phase, older shapes included. */
class StateIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void upgradeIsCalledEveryPhaseAndToleratesOlderState(int protocol) throws Exception {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String address = "dashplane_folder.s";
        Configuration config = Configuration.provider(server.providerConfig())
                .with(address, Map.of("title", "State " + protocol, "uid", "state-" + protocol));
        planAndApply(core, config);
        List<String> upgrades = core.calls().stream().filter(c -> c.contains("UpgradeResourceState")).toList();
        assertEquals(List.of(), upgrades, "nothing in state before the first apply");

        TerraformCore.InstanceState stored = core.state().get(address);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(stored.attributesJson());
        json.remove("version");
        json.put("legacy_attribute", "from an older provider");
        core.putState(address, new TerraformCore.InstanceState(stored.typeName(), stored.schemaVersion(),
                json.toString(), stored.privateData()));

        assertNoChanges(core, config);
        assertTrue(core.calls().contains("plan:UpgradeResourceState " + address), core.calls().toString());
        int before = core.calls().size();
        planAndApply(core, config.with(address, Map.of("title", "State " + protocol + " renamed", "uid", "state-" + protocol)));
        List<String> phaseCalls = core.calls().subList(before, core.calls().size());
        assertTrue(phaseCalls.contains("plan:UpgradeResourceState " + address) && phaseCalls.contains("apply:UpgradeResourceState " + address),
                "UpgradeResourceState in the plan and in the apply phase: " + phaseCalls);
        Steps.noErrors("destroy", core.destroy(config).diagnostics());
    }
}
