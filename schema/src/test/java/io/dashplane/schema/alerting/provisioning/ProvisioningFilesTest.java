package io.dashplane.schema.alerting.provisioning;

import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.LabelMatcher;
import io.dashplane.schema.alerting.Route;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningFilesTest {
    static String resource(String name) throws IOException {
        try (InputStream in = ProvisioningFilesTest.class.getResourceAsStream("/alerting/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsRealisticYaml() throws Exception {
        ProvisioningFile file = ProvisioningFiles.readYaml(resource("ml-monitoring.yaml"));
        assertEquals(1, file.apiVersion());
        ProvisionedRuleGroup group = file.groups().get(0);
        assertEquals("ML Monitoring", group.folder());
        assertEquals("1m", group.interval());
        assertEquals(3, group.rules().size());
        ProvisionedRule latency = group.rules().get(0);
        assertEquals("5m", latency.pendingPeriod());
        assertEquals("ml-model-monitoring", latency.dashboardUid());
        assertEquals(4L, latency.panelId());
        assertEquals(600L, latency.data().get(0).relativeTimeRange().from());
        assertEquals("0.5", latency.data().get(2).model().get("conditions").get(0).get("evaluator").get("params").get(0).decimalValue().toPlainString());
        assertEquals("A", group.rules().get(2).record().from());

        assertEquals(List.of("ml-slack", "ml-pagerduty"), file.contactPoints().stream().map(ProvisionedContactPoint::name).toList());
        assertEquals("slack", file.contactPoints().get(0).receivers().get(0).type());

        Route root = file.policies().get(0).policy();
        assertEquals(1L, file.policies().get(0).orgId());
        assertEquals(List.of("grafana_folder", "alertname"), root.groupBy());
        assertEquals(new LabelMatcher("team", "=", "ml"), root.routes().get(0).objectMatchers().get(0));
        assertEquals(List.of("severity = critical"), root.routes().get(0).routes().get(0).matchers());

        ProvisionedMuteTiming timing = file.muteTimes().get(0);
        assertEquals("17:00", timing.timeIntervals().get(0).times().get(0).startTime());
        assertEquals(List.of("1:7"), timing.timeIntervals().get(0).daysOfMonth());

        assertTrue(file.templates().get(0).template().startsWith("{{ define \"ml.title\" }}"));
    }

    @Test
    void yamlRoundTripIsLosslessAndStable() throws Exception {
        ProvisioningFile file = ProvisioningFiles.readYaml(resource("ml-monitoring.yaml"));
        String written = ProvisioningFiles.writeYaml(file);
        ProvisioningFile reread = ProvisioningFiles.readYaml(written);
        assertEquals(file, reread);
        assertEquals(written, ProvisioningFiles.writeYaml(reread));
        assertTrue(written.startsWith("apiVersion: 1\n"), written);
        assertTrue(written.indexOf("groups:") < written.indexOf("contactPoints:"));
        assertTrue(written.indexOf("contactPoints:") < written.indexOf("policies:"));
        assertTrue(written.indexOf("policies:") < written.indexOf("muteTimes:"));
        assertTrue(written.indexOf("muteTimes:") < written.indexOf("templates:"));
        assertFalse(written.contains("null"), written);
        assertTrue(written.contains("template: |"), "multi-line templates are written as literal blocks:\n" + written);
    }

    @Test
    void jsonRoundTripAndCrossFormat() throws Exception {
        ProvisioningFile file = ProvisioningFiles.readYaml(resource("ml-monitoring.yaml"));
        String json = ProvisioningFiles.writeJson(file);
        assertEquals(file, ProvisioningFiles.readJson(json));
        assertEquals(file, ProvisioningFiles.read(json));
        assertEquals(json, ProvisioningFiles.writeJson(ProvisioningFiles.read(ProvisioningFiles.writeYaml(file))));
        assertTrue(json.contains("\"object_matchers\" : [ [ \"team\", \"=\", \"ml\" ] ]"), json);
        assertTrue(json.contains("\"orgId\" : 1,\n    \"receiver\" : \"ml-slack\""), "policy fields sit beside orgId:\n" + json);
    }

    @Test
    void readsDeleteForms() throws Exception {
        ProvisioningFile file = ProvisioningFiles.read(resource("cleanup.json"));
        assertEquals(List.of(new UidDeletion(1L, "ml-old-rule")), file.deleteRules());
        assertEquals(List.of(new UidDeletion(1L, "legacy-email")), file.deleteContactPoints());
        assertEquals(List.of(1L), file.resetPolicies());
        assertEquals(List.of(new NameDeletion(1L, "old-maintenance")), file.deleteMuteTimes());
        assertEquals(List.of(new NameDeletion(1L, "old-template")), file.deleteTemplates());
        assertNull(file.groups());
        String yaml = ProvisioningFiles.writeYaml(file);
        assertEquals(file, ProvisioningFiles.readYaml(yaml));
        assertTrue(yaml.contains("resetPolicies:\n  - 1"), yaml);
    }

    @Test
    void labelsAndAnnotationsAreWrittenInKeyOrder() throws Exception {
        ProvisionedRule rule = new ProvisionedRule("r", "t", "A", List.of(), null, null, null, null, null, null, null,
                Map.of("zeta", "1", "alpha", "2"), Map.of("severity", "x", "env", "y"), null, null, null);
        ProvisioningFile file = ProvisioningFile.export(List.of(new ProvisionedRuleGroup(1L, "g", "f", "1m", List.of(rule))),
                null, null, null, null);
        String yaml = ProvisioningFiles.writeYaml(file);
        assertTrue(yaml.indexOf("alpha") < yaml.indexOf("zeta"), yaml);
        assertTrue(yaml.indexOf("env") < yaml.indexOf("severity"), yaml);
        assertEquals(yaml, ProvisioningFiles.writeYaml(ProvisioningFiles.readYaml(yaml)));
    }

    @Test
    void sortedOrdersObjectsByName() {
        ProvisioningFile file = ProvisioningFile.export(
                List.of(new ProvisionedRuleGroup(1L, "b", "f", "1m", null), new ProvisionedRuleGroup(1L, "a", "f", "1m", null),
                        new ProvisionedRuleGroup(1L, "z", "e", "1m", null)),
                List.of(new ProvisionedContactPoint(1L, "slack", null), new ProvisionedContactPoint(1L, "email", null)),
                null,
                List.of(new ProvisionedMuteTiming(1L, "weekends", null), new ProvisionedMuteTiming(1L, "nights", null)),
                List.of(new ProvisionedTemplate(1L, "b", "x"), new ProvisionedTemplate(1L, "a", "y")));
        ProvisioningFile sorted = file.sorted();
        assertEquals(List.of("z", "a", "b"), sorted.groups().stream().map(ProvisionedRuleGroup::name).toList());
        assertEquals(List.of("email", "slack"), sorted.contactPoints().stream().map(ProvisionedContactPoint::name).toList());
        assertEquals(List.of("nights", "weekends"), sorted.muteTimes().stream().map(ProvisionedMuteTiming::name).toList());
        assertEquals(List.of("a", "b"), sorted.templates().stream().map(ProvisionedTemplate::name).toList());
        assertNull(sorted.policies());
    }

    @Test
    void ruleConversionMovesPanelLinkIntoAnnotationsAndBack() throws Exception {
        ProvisionedRule fileRule = ProvisioningFiles.readYaml(resource("ml-monitoring.yaml")).groups().get(0).rules().get(0);
        AlertRule rule = fileRule.toAlertRule("ml-folder", "ml-serving");
        assertEquals("ml-model-monitoring", rule.annotations().get(AlertRule.DASHBOARD_UID_ANNOTATION));
        assertEquals("4", rule.annotations().get(AlertRule.PANEL_ID_ANNOTATION));
        assertEquals("ml-folder", rule.folderUID());
        assertEquals(fileRule, ProvisionedRule.of(rule));
    }

    @Test
    void readsGrafanasMisspelledDashboardUid() throws Exception {
        ProvisioningFile file = ProvisioningFiles.readYaml("""
                apiVersion: 1
                groups:
                  - name: g
                    folder: f
                    interval: 1m
                    rules:
                      - uid: r
                        title: t
                        condition: A
                        dasboardUid: old-dash
                        panelId: 2
                        data: []
                """);
        assertEquals("old-dash", file.groups().get(0).rules().get(0).dashboardUid());
    }

    @Test
    void unknownFieldIsAParseErrorNamingTheField() {
        Exception e = assertThrows(Exception.class, () -> ProvisioningFiles.readYaml("apiVersion: 1\ngroupz: []\n"));
        assertTrue(e.getMessage().contains("groupz"), e.getMessage());
    }
}
