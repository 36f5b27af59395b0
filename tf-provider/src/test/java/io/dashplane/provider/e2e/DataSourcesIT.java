package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Diag;
import io.dashplane.provider.harness.TerraformCore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data sources against objects created through REST, in protocol 5 and 6. */
class DataSourcesIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();
    private static Configuration provider;

    @BeforeAll
    static void seed() {
        provider = Configuration.provider(server.providerConfig());
        server.write("POST", "folders", Map.of("uid", "ops", "title", "Operations"));
        server.write("POST", "datasources", Map.of("uid", "loki-main", "name", "Loki", "type", "loki",
                "url", "http://loki:3100", "jsonData", Map.of("maxLines", 1000),
                "secureJsonData", Map.of("httpHeaderValue1", "Bearer hidden")));
        for (int i = 1; i <= 3; i++) {
            server.write("POST", "dashboards", Map.of("folderUid", "ops", "dashboard", Map.of("uid", "svc-" + i,
                    "title", "Service " + i, "tags", i == 2 ? List.of("team-a", "prod") : List.of("team-b"), "panels", List.of())));
        }
    }

    private static CtyValue read(TerraformCore core, String type, Map<String, Object> config) {
        TerraformCore.DataResult result = core.readDataSource(provider, type, config);
        noErrors("data." + type, result.diagnostics());
        return result.state();
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void datasourceByNameAndByUid(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        CtyValue byName = read(core, "dashplane_datasource", Map.of("name", "Loki"));
        assertEquals("loki-main", string(byName, "uid"));
        assertEquals("http://loki:3100", string(byName, "url"));
        assertTrue(string(byName, "json_data_encoded").contains("maxLines"));
        assertTrue(!byName.toString().contains("hidden"), "secrets are never returned: " + byName);
        CtyValue byUid = read(core, "dashplane_datasource", Map.of("uid", "loki-main"));
        assertEquals(byName, byUid);

        TerraformCore.DataResult missing = core.readDataSource(provider, "dashplane_datasource", Map.of("name", "Nope"));
        assertTrue(missing.hasErrors(), "an unknown name is an error: " + missing.diagnostics());
        TerraformCore.DataResult both = core.readDataSource(provider, "dashplane_datasource",
                Map.of("name", "Loki", "uid", "loki-main"));
        assertTrue(both.hasErrors(), "name and uid together are refused: " + both.diagnostics());
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void folderAndDashboard(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        CtyValue folder = read(core, "dashplane_folder", Map.of("title", "Operations"));
        assertEquals("ops", string(folder, "uid"));
        assertEquals(folder, read(core, "dashplane_folder", Map.of("uid", "ops")));

        CtyValue dashboard = read(core, "dashplane_dashboard", Map.of("uid", "svc-2"));
        assertEquals("Service 2", string(dashboard, "title"));
        assertEquals("ops", string(dashboard, "folder"));
        assertTrue(string(dashboard, "config_json").contains("\"svc-2\""));

        TerraformCore.DataResult missing = core.readDataSource(provider, "dashplane_dashboard", Map.of("uid", "nope"));
        assertTrue(missing.hasErrors());
        Diag error = missing.diagnostics().stream().filter(Diag::isError).findFirst().orElseThrow();
        assertEquals("uid", error.pathText(), "the error points at uid: " + error);
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void dashboardSearch(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        List<CtyValue> all = read(core, "dashplane_dashboards", Map.of("folder", "ops")).getAttr("dashboards").elements();
        assertEquals(List.of("svc-1", "svc-2", "svc-3"), all.stream().map(d -> string(d, "uid")).toList());
        List<CtyValue> tagged = read(core, "dashplane_dashboards", Map.of("tags", List.of("team-a")))
                .getAttr("dashboards").elements();
        assertEquals(1, tagged.size());
        assertEquals("Service 2", string(tagged.get(0), "title"));
        assertEquals(2, read(core, "dashplane_dashboards", Map.of("query", "service", "limit", 2))
                .getAttr("dashboards").length());
    }
}
