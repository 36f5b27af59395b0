package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Fixtures;
import io.dashplane.provider.harness.TerraformCore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every dashboard of ../shared/corpus/dashboards as a dashplane_dashboard: created, then planned again
 * with no change, also when the same JSON is given reformatted (pretty for compact files, compact for
 * pretty ones) and with its keys in another order.
 */
class CorpusDashboardsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    private static String address(Path file) {
        String name = file.getFileName().toString().replace(".json", "").replaceAll("[^A-Za-z0-9_]", "_");
        return "dashplane_dashboard." + name;
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void everyCorpusDashboardPlansNoChangeAfterApply(int protocol) throws Exception {
        List<Path> files = Fixtures.corpusDashboards();
        assertTrue(files.size() >= 9, "corpus: " + files);
        String folder = "corpus-" + protocol;
        String environment = "corpus-p" + protocol;
        // the seed dashboard and the dotdc ones refer to a Prometheus datasource by uid "Prometheus"
        Configuration config = Configuration.provider(server.newEnvironment(environment))
                .with("dashplane_folder.corpus", Map.of("uid", folder, "title", "Corpus " + protocol))
                .with("dashplane_datasource.prometheus", Map.of("uid", "Prometheus", "name", "Prometheus",
                        "type", "prometheus", "url", "http://prometheus:9090"));
        Configuration reformatted = config;
        for (Path file : files) {
            String text = Fixtures.read(file);
            JsonNode dashboard = MAPPER.readTree(text);
            // the same dashboard in both environments: a distinct uid per protocol run
            String uid = (dashboard.path("uid").asText("corpus") + "-p" + protocol);
            uid = uid.length() > 40 ? uid.substring(uid.length() - 40) : uid;
            String withUid = text.replaceFirst("\"uid\"\\s*:\\s*\"" + java.util.regex.Pattern.quote(dashboard.path("uid").asText()) + "\"",
                    "\"uid\": \"" + uid + "\"");
            if (!dashboard.has("uid") || withUid.equals(text)) {
                withUid = MAPPER.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) dashboard.deepCopy()).put("uid", uid));
            }
            JsonNode parsed = MAPPER.readTree(withUid);
            boolean compact = !withUid.contains("\n  ");
            String other = compact ? parsed.toPrettyString() : MAPPER.writeValueAsString(parsed);
            assertEquals(parsed, MAPPER.readTree(other));
            config = config.with(address(file), Map.of("config_json", withUid,
                    "folder", Configuration.ref("dashplane_folder.corpus", "uid")));
            reformatted = reformatted.with(address(file), Map.of("config_json", other,
                    "folder", Configuration.ref("dashplane_folder.corpus", "uid")));
        }
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        noErrors("validate", core.validate(config).diagnostics());
        TerraformCore.Plan create = plan(core, config);
        assertEquals(files.size() + 2, create.changed().size(), () -> "plan: " + create);
        Steps.apply(core, config, create);
        for (Path file : files) {
            assertNotNull(server.object(environment, "dashboards/" + Steps.string(core.stateValue(address(file)), "uid")),
                    "stored on the server: " + file);
        }
        assertNoChanges(core, config);
        assertNoChanges(core, reformatted);
        noErrors("destroy", core.destroy(config).diagnostics());
        assertTrue(core.state().isEmpty());
    }
}
