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

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** dashplane_datasource through the whole lifecycle; secrets are written, never read back, and never diff. */
class DatasourceLifecycleIT {
    private static final String ADDRESS = "dashplane_datasource.prom";
    private static final String SECRET = "{\"basicAuthPassword\":\"s3cret\"}";
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    private static Map<String, Object> datasource(int protocol, String url, String jsonData) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("name", "Prometheus " + protocol);
        attributes.put("type", "prometheus");
        attributes.put("url", url);
        attributes.put("basic_auth_enabled", true);
        attributes.put("basic_auth_username", "grafana");
        attributes.put("json_data_encoded", jsonData);
        attributes.put("secure_json_data_encoded", SECRET);
        return attributes;
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void lifecycle(int protocol) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration config = Configuration.provider(server.providerConfig())
                .with(ADDRESS, datasource(protocol, "http://prometheus:9090", "{\"httpMethod\":\"POST\",\"timeInterval\":\"15s\"}"));
        noErrors("validate", core.validate(config).diagnostics());

        TerraformCore.Plan create = plan(core, config);
        assertAction(create, ADDRESS, Action.CREATE);
        assertEquals("proxy", string(create.change(ADDRESS).planned(), "access"), "default planned");
        Steps.apply(core, config, create);
        CtyValue created = core.stateValue(ADDRESS);
        String uid = string(created, "uid");
        JsonNode stored = server.object("datasources/" + uid);
        assertFalse(stored.has("secureJsonData"), "the server never returns secrets: " + stored);
        assertTrue(stored.path("secureJsonFields").path("basicAuthPassword").asBoolean(), stored.toString());
        assertEquals(SECRET, string(created, "secure_json_data_encoded"), "the state keeps the configured secret");

        noErrors("refresh", core.refresh(config).diagnostics());
        assertEquals(SECRET, string(core.stateValue(ADDRESS), "secure_json_data_encoded"), "secrets survive a refresh");
        assertNoChanges(core, config);

        Configuration pretty = config.with(ADDRESS, datasource(protocol, "http://prometheus:9090",
                "{\n  \"timeInterval\": \"15s\",\n  \"httpMethod\": \"POST\"\n}\n"));
        assertNoChanges(core, pretty);

        Configuration moved = config.with(ADDRESS, datasource(protocol, "http://prometheus-2:9090",
                "{\"httpMethod\":\"POST\",\"timeInterval\":\"15s\"}"));
        TerraformCore.Plan update = plan(core, moved);
        assertAction(update, ADDRESS, Action.UPDATE);
        Steps.apply(core, moved, update);
        assertEquals("http://prometheus-2:9090", server.object("datasources/" + uid).path("url").asText());
        assertTrue(server.object("datasources/" + uid).path("secureJsonFields").path("basicAuthPassword").asBoolean(),
                "an update keeps the secret");
        assertNoChanges(core, moved);

        Map<String, Object> elsewhere = new HashMap<>(Map.of("uid", uid, "name", "Prometheus " + protocol,
                "type", "prometheus", "url", "http://prometheus-2:9090", "basicAuth", true, "basicAuthUser", "grafana",
                "jsonData", Map.of("httpMethod", "GET", "timeInterval", "15s")));
        server.write("PUT", "datasources/" + uid, elsewhere);
        TerraformCore.Plan drift = plan(core, moved);
        assertAction(drift, ADDRESS, Action.UPDATE);
        assertTrue(string(drift.change(ADDRESS).prior(), "json_data_encoded").contains("GET"), "refresh shows the drift");
        Steps.apply(core, moved, drift);
        assertEquals("POST", server.object("datasources/" + uid).path("jsonData").path("httpMethod").asText());
        assertNoChanges(core, moved);

        TerraformCore importer = new TerraformCore(TerraformCore.distExecutable(), protocol);
        noErrors("import", importer.importResource(moved, ADDRESS, uid).diagnostics());
        CtyValue imported = importer.stateValue(ADDRESS);
        assertEquals(uid, string(imported, "uid"));
        assertNull(string(imported, "secure_json_data_encoded"), "secrets are never read back, not even on import");
        TerraformCore.Plan afterImport = plan(importer, moved);
        assertAction(afterImport, ADDRESS, Action.UPDATE);
        CtyValue prior = afterImport.change(ADDRESS).prior();
        CtyValue planned = afterImport.change(ADDRESS).planned();
        for (String attribute : prior.asMap().keySet()) {
            // the secret is not knowable after an import; version is recomputed by any update
            if (!attribute.equals("secure_json_data_encoded") && !attribute.equals("version")) {
                assertEquals(prior.getAttr(attribute), planned.getAttr(attribute),
                        "after import only the secret (unknowable) may change, not " + attribute);
            }
        }
        Steps.apply(importer, moved, afterImport);
        assertNoChanges(importer, moved);

        noErrors("destroy", importer.destroy(moved).diagnostics());
        assertNull(server.object("datasources/" + uid));

        TerraformCore.Plan recreate = plan(core, moved);
        assertAction(recreate, ADDRESS, Action.CREATE);
        assertNull(core.stateValue(ADDRESS), "gone from state after refresh");
        Steps.apply(core, moved, recreate);
        noErrors("destroy", core.destroy(moved).diagnostics());
        assertTrue(core.state().isEmpty());
    }
}
