package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.planAndApply;
import static io.dashplane.provider.harness.Configuration.ref;

import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.TerraformCore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the harness: every resource type configured with only its required arguments (the objects whose
 * server representation of "not set" differs from the configuration's null: an empty message, description,
 * list or map), applied, removed from the state ({@code terraform state rm}), imported, planned: no change.
 * Then each imported object planned with the configuration {@code -generate-config-out} would write for it.
 * TerraformImportCliIT proves the same with the real CLI.
 */
class ImportThenPlanIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    @Test
    void importedObjectsConfiguredWithOnlyTheirRequiredArgumentsPlanNoChange() {
        String environment = "harness-import";
        Configuration base = Configuration.provider(server.newEnvironment(environment))
                .with("dashplane_environment.m", Map.of("name", "harness-import-extra"))
                .with("dashplane_folder.m", Map.of("uid", "mf", "title", "Minimal"))
                .with("dashplane_datasource.m", Map.of("uid", "mds", "name", "mds", "type", "prometheus"))
                .with("dashplane_dashboard.m", Map.of("config_json", "{\"uid\":\"md\",\"title\":\"Minimal\"}"))
                .with("dashplane_message_template.m", Map.of("name", "mt", "template", "{{ define \"mt\" }}x{{ end }}"))
                .with("dashplane_mute_timing.m", Map.of("uid", "mm", "name", "mm"))
                .with("dashplane_contact_point.m", Map.of("uid", "mcp", "name", "mcp",
                        "email", List.of(Map.of("addresses", List.of("m@example.com")))))
                .with("dashplane_notification_policy.m", Map.of("contact_point", ref("dashplane_contact_point.m", "name")))
                .with("dashplane_rule_group.m", Map.of("folder_uid", ref("dashplane_folder.m", "uid"), "name", "mg",
                        "interval", "1m"))
                .with("dashplane_alert_rule.m", Map.of("uid", "mar", "title", "minimal",
                        "folder_uid", ref("dashplane_rule_group.m", "folder_uid"), "rule_group", ref("dashplane_rule_group.m", "name"),
                        "condition", "A", "data_json", "[{\"refId\":\"A\",\"datasourceUid\":\"__expr__\","
                                + "\"model\":{\"refId\":\"A\",\"type\":\"math\",\"expression\":\"1 > 0\"}}]"));
        // a route needs the policy tree's root: the second apply adds it
        Configuration config = base.with("dashplane_notification_route.m", Map.of("uid", "mr"));
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("dashplane_environment.m", "harness-import-extra");
        ids.put("dashplane_folder.m", "mf");
        ids.put("dashplane_datasource.m", "mds");
        ids.put("dashplane_dashboard.m", "md");
        ids.put("dashplane_message_template.m", "mt");
        ids.put("dashplane_mute_timing.m", "mm");
        ids.put("dashplane_contact_point.m", "mcp");
        ids.put("dashplane_notification_policy.m", environment);
        ids.put("dashplane_rule_group.m", "mf/mg");
        ids.put("dashplane_alert_rule.m", "mar");
        ids.put("dashplane_notification_route.m", "mr");

        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), 6);
        planAndApply(core, base);
        planAndApply(core, config);
        assertNoChanges(core, config);

        core.forget(ids.keySet().toArray(String[]::new));
        ids.forEach((address, id) -> noErrors("import " + address, core.importResource(config, address, id).diagnostics()));
        assertNoChanges(core, config);

        Configuration generated = config;
        for (String address : ids.keySet()) {
            generated = generated.with(address, core.generatedConfiguration(address));
        }
        assertNoChanges(core, generated);
    }
}
