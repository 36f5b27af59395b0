package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertAction;
import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static io.dashplane.provider.e2e.Steps.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Fixtures;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/terraform/ml-monitoring/main.tf rebuilt in Java (the same values; the dashboard read from the
 * example directory) and applied through the harness in protocol 5 and 6.
 */
class MlMonitoringExampleIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    /** main.tf; jsonencode writes object keys sorted and compact. */
    static Configuration example(Map<String, Object> provider) {
        String dashboard = Fixtures.read(Fixtures.example("ml-monitoring").resolve("ml-model-monitoring.json"));
        return Configuration.provider(provider)
                .with("dashplane_folder.ml", Map.of("uid", "ml", "title", "Machine learning"))
                .with("dashplane_datasource.prometheus", Map.of("uid", "Prometheus", "name", "Prometheus",
                        "type", "prometheus", "url", "http://prometheus:9090", "is_default", true,
                        "json_data_encoded", "{\"httpMethod\":\"POST\",\"timeInterval\":\"15s\"}"))
                .with("dashplane_dashboard.ml_model_monitoring", Map.of("folder", Configuration.ref("dashplane_folder.ml", "uid"),
                        "config_json", dashboard, "message", "managed by terraform"));
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void appliesTheExample(int protocol) {
        String environment = "ml-p" + protocol;
        Configuration config = example(server.newEnvironment(environment));
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        noErrors("validate", core.validate(config).diagnostics());
        TerraformCore.Plan create = plan(core, config);
        assertEquals(3, create.changed().size(), () -> create.toString());
        create.changes().forEach(c -> assertEquals(Action.CREATE, c.action()));
        assertEquals("ml", string(create.change("dashplane_dashboard.ml_model_monitoring").planned(), "folder"),
                "the folder uid is configured, so known at plan");
        Steps.apply(core, config, create);

        String uid = string(core.stateValue("dashplane_dashboard.ml_model_monitoring"), "uid");
        JsonNode stored = server.object(environment, "dashboards/" + uid);
        assertEquals("ml", stored.path("meta").path("folderUid").asText(), stored.path("meta").toString());
        assertEquals("ML Model Monitoring", stored.path("dashboard").path("title").asText());
        assertTrue(string(core.stateValue("dashplane_dashboard.ml_model_monitoring"), "url").startsWith("/d/" + uid));
        assertEquals("POST", server.object(environment, "datasources/Prometheus").path("jsonData").path("httpMethod").asText());
        assertNoChanges(core, config);

        noErrors("destroy", core.destroy(config).diagnostics());
        assertNull(server.object(environment, "dashboards/" + uid));
        assertNull(server.object(environment, "folders/ml"));
        assertNull(server.object(environment, "datasources/Prometheus"));
        assertAction(plan(core, config), "dashplane_folder.ml", Action.CREATE);
    }
}
