package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.NotificationLookup;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningFileValidatorTest {
    static final DatasourceLookup PROMETHEUS = new DatasourceLookup() {
        @Override
        public boolean existsByUid(String uid) {
            return uid.equals("prometheus");
        }

        @Override
        public boolean existsByName(String name) {
            return false;
        }
    };

    static final NotificationLookup EMPTY_ENVIRONMENT = new NotificationLookup() {
        @Override
        public boolean contactPointExists(String name) {
            return false;
        }

        @Override
        public boolean timeIntervalExists(String name) {
            return false;
        }
    };

    private final ProvisioningFileValidator validator = new ProvisioningFileValidator();

    ValidationReport validate(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode node = (ObjectNode) ProvisioningFiles.yamlMapper()
                .readTree(ProvisioningFilesTest.resource("ml-monitoring.yaml"));
        edit.accept(node);
        ProvisioningFile file = ProvisioningFiles.readJson(Json.mapper().writeValueAsString(node));
        return validator.validate(file, "", PROMETHEUS, EMPTY_ENVIRONMENT);
    }

    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static void assertOnlyError(ValidationReport report, String pointer, String text) {
        assertEquals(1, report.errors().size(), () -> "expected one error, got " + report.errors());
        Finding finding = report.errors().get(0);
        assertEquals(pointer, finding.pointer());
        assertTrue(finding.message().contains(text), finding.message());
    }

    @Test
    void realisticFileIsValidAndItsOwnContactPointsAndMuteTimingsCount() throws Exception {
        ValidationReport report = validate(f -> { });
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void deleteFormsAreValid() throws Exception {
        ProvisioningFile file = ProvisioningFiles.read(ProvisioningFilesTest.resource("cleanup.json"));
        assertEquals(List.of(), validator.validate(file, "", PROMETHEUS, EMPTY_ENVIRONMENT).errors());
    }

    @Test
    void apiVersion() throws Exception {
        assertOnlyError(validate(f -> f.put("apiVersion", 2)), "/apiVersion", "not supported");
        assertOnlyError(validate(f -> f.remove("apiVersion")), "/apiVersion", "required");
    }

    @Test
    void groupRules() throws Exception {
        assertOnlyError(validate(f -> at(f, "/groups/0").put("interval", "15s")), "/groups/0/interval", "multiple of 10s");
        assertOnlyError(validate(f -> at(f, "/groups/0").remove("folder")), "/groups/0/folder", "required");
        assertOnlyError(validate(f -> at(f, "/groups/0").remove("name")), "/groups/0/name", "required");
        assertOnlyError(validate(f -> ((ArrayNode) f.get("groups")).addObject().put("name", "ml-serving")
                        .put("folder", "ML Monitoring").put("interval", "1m")),
                "/groups/1/name", "already defined by /groups/0");
    }

    @Test
    void pendingPeriodShorterThanTheGroupIntervalIsAWarningOnTheRule() throws Exception {
        // rule 0 waits 5m, rule 1 15m
        ValidationReport report = validate(f -> at(f, "/groups/0").put("interval", "10m"));
        assertEquals(List.of(), report.errors());
        assertEquals(1, report.warnings().size(), report.toString());
        assertEquals("/groups/0/rules/0/for", report.warnings().get(0).pointer());
    }

    @Test
    void rulesAreValidatedWithPointersIntoTheFile() throws Exception {
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/1").put("condition", "X")), "/groups/0/rules/1/condition", "'X'");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/0/data/1/model").put("expression", "C")),
                "/groups/0/rules/0/data/1/model", "cycle: B -> C -> B");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/0/data/0").put("datasourceUid", "loki")),
                "/groups/0/rules/0/data/0/datasourceUid", "'loki'");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/1").remove("uid")), "/groups/0/rules/1/uid", "required");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/1").put("uid", "ml-p99-latency")), "/groups/0/rules/1/uid",
                "already used by /groups/0/rules/0");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/0").remove("dashboardUid")), "/groups/0/rules/0/panelId",
                "needs dashboardUid");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/0").remove("panelId")), "/groups/0/rules/0/dashboardUid",
                "needs panelId");
        assertOnlyError(validate(f -> at(f, "/groups/0/rules/0/labels").put("bad-label", "x")),
                "/groups/0/rules/0/labels/bad-label", "label name");
    }

    @Test
    void contactPointsUseTheReceiversMember() throws Exception {
        assertOnlyError(validate(f -> at(f, "/contactPoints/1/receivers/0/settings").remove("integrationKey")),
                "/contactPoints/1/receivers/0/settings/integrationKey", "needs setting 'integrationKey'");
        ValidationReport duplicate = validate(f -> at(f, "/contactPoints/1").put("name", "ml-slack"));
        assertEquals(List.of("/contactPoints/1/name", "/policies/0/routes/0/routes/0/receiver"),
                duplicate.errors().stream().map(Finding::pointer).toList(),
                "the renamed contact point no longer satisfies the route that used its old name");
        assertTrue(duplicate.errors().get(0).message().contains("already defined by /contactPoints/0"));
    }

    @Test
    void policiesReferToContactPointsAndMuteTimingsOfTheFileOrEnvironment() throws Exception {
        assertOnlyError(validate(f -> at(f, "/policies/0/routes/0/routes/0").put("receiver", "ml-opsgenie")),
                "/policies/0/routes/0/routes/0/receiver", "'ml-opsgenie' does not exist");
        assertOnlyError(validate(f -> f.remove("muteTimes")), "/policies/0/routes/0/mute_time_intervals/0",
                "'weekly-maintenance' does not exist");
        assertOnlyError(validate(f -> ((ArrayNode) f.get("policies")).add(f.get("policies").get(0).deepCopy())),
                "/policies/1", "already defined by /policies/0");
        assertOnlyError(validate(f -> ((ArrayNode) at(f, "/policies/0/routes/0").get("object_matchers").get(0)).set(1, "=~~")),
                "/policies/0/routes/0/object_matchers/0/1", "operator");
    }

    @Test
    void muteTimesAndTemplates() throws Exception {
        assertOnlyError(validate(f -> at(f, "/muteTimes/0/time_intervals/0").put("location", "Nowhere/City")),
                "/muteTimes/0/time_intervals/0/location", "IANA");
        assertOnlyError(validate(f -> at(f, "/templates/0").put("template", "{{ define \"x\" }}")),
                "/templates/0/template", "never closed");
        assertOnlyError(validate(f -> ((ArrayNode) f.get("templates")).add(f.get("templates").get(0).deepCopy())),
                "/templates/1/name", "already defined by /templates/0");
    }

    @Test
    void otherOrgIdsAreWarnings() throws Exception {
        ValidationReport report = validate(f -> at(f, "/contactPoints/0").put("orgId", 2));
        assertEquals(List.of(), report.errors());
        assertEquals("/contactPoints/0/orgId", report.warnings().get(0).pointer());
    }

    @Test
    void deletionsNeedTheirKey() throws Exception {
        ProvisioningFile file = ProvisioningFiles.readJson("""
                {"apiVersion":1,"deleteRules":[{"orgId":1}],"deleteContactPoints":[{"uid":"bad uid"}],
                 "deleteMuteTimes":[{"name":""}],"deleteTemplates":[{}]}""");
        ValidationReport report = validator.validate(file, "/file", PROMETHEUS, EMPTY_ENVIRONMENT);
        assertEquals(List.of("/file/deleteRules/0/uid", "/file/deleteContactPoints/0/uid", "/file/deleteMuteTimes/0/name",
                "/file/deleteTemplates/0/name"), report.errors().stream().map(Finding::pointer).toList());
    }
}
