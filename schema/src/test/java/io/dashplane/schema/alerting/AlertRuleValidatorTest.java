package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;

import static io.dashplane.schema.alerting.Findings.assertErrorAt;
import static io.dashplane.schema.alerting.Findings.assertSingleError;
import static io.dashplane.schema.alerting.Findings.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRuleValidatorTest {
    static final DatasourceLookup ONLY_PROMETHEUS = new DatasourceLookup() {
        @Override
        public boolean existsByUid(String uid) {
            return uid.equals("prometheus");
        }

        @Override
        public boolean existsByName(String name) {
            return false;
        }
    };

    static final NotificationLookup SLACK_AND_MAINTENANCE = new NotificationLookup() {
        @Override
        public boolean contactPointExists(String name) {
            return name.equals("ml-slack");
        }

        @Override
        public boolean timeIntervalExists(String name) {
            return name.equals("weekly-maintenance");
        }
    };

    static final String LATENCY_RULE = """
            {
              "id": 17, "orgID": 1, "updated": "2026-11-20T10:00:00Z", "provenance": "api",
              "uid": "ml-p99-latency",
              "title": "p99 prediction latency above 0.5 s",
              "folderUID": "ml-alerts",
              "ruleGroup": "ml-serving",
              "condition": "C",
              "data": [
                {"refId": "A", "queryType": "", "relativeTimeRange": {"from": 600, "to": 0}, "datasourceUid": "prometheus",
                 "model": {"expr": "histogram_quantile(0.99, sum by (le) (rate(ml_prediction_latency_seconds_bucket[5m])))",
                           "instant": true, "refId": "A"}},
                {"refId": "B", "relativeTimeRange": {"from": 0, "to": 0}, "datasourceUid": "__expr__",
                 "model": {"type": "reduce", "expression": "A", "reducer": "last", "settings": {"mode": "dropNN"}, "refId": "B"}},
                {"refId": "C", "datasourceUid": "__expr__",
                 "model": {"type": "threshold", "expression": "B",
                           "conditions": [{"evaluator": {"type": "gt", "params": [0.5]}}], "refId": "C"}}
              ],
              "noDataState": "NoData",
              "execErrState": "Error",
              "for": "5m",
              "keepFiringFor": "0s",
              "annotations": {"summary": "p99 latency is {{ humanizeDuration $values.B.Value }}",
                              "__dashboardUid__": "ml-monitoring", "__panelId__": "4"},
              "labels": {"team": "ml", "severity": "{{ if gt $values.B.Value 1.0 }}critical{{ else }}warning{{ end }}"},
              "isPaused": false,
              "notification_settings": {"receiver": "ml-slack", "group_by": ["alertname", "team"], "group_wait": "30s",
                                        "mute_time_intervals": ["weekly-maintenance"]}
            }
            """;

    private final AlertRuleValidator validator = new AlertRuleValidator();

    static ObjectNode json() throws Exception {
        return (ObjectNode) Json.mapper().readTree(LATENCY_RULE);
    }

    static AlertRule rule(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode node = json();
        edit.accept(node);
        return Json.mapper().treeToValue(node, AlertRule.class);
    }

    ValidationReport validate(Consumer<ObjectNode> edit) throws Exception {
        return validator.validate(rule(edit), "", ONLY_PROMETHEUS, SLACK_AND_MAINTENANCE);
    }

    static ObjectNode query(ObjectNode rule, int index) {
        return (ObjectNode) rule.get("data").get(index);
    }

    static ObjectNode model(ObjectNode rule, int index) {
        return (ObjectNode) query(rule, index).get("model");
    }

    @Test
    void realisticRuleIsValid() throws Exception {
        ValidationReport report = validate(r -> { });
        assertValid(report);
        assertEquals(0, report.warnings().size());
    }

    @Test
    void pointerPrefixIsPrepended() throws Exception {
        ValidationReport report = validator.validate(rule(r -> r.put("condition", "Z")), "/rules/2", ONLY_PROMETHEUS);
        assertSingleError(report, "/rules/2/condition", "'Z'");
    }

    @Test
    void jsonRoundTripKeepsFieldsAndDropsGrafanaMetadata() throws Exception {
        AlertRule rule = rule(r -> { });
        JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(rule));
        assertFalse(written.has("id"));
        assertFalse(written.has("provenance"));
        assertEquals("5m", written.get("for").asText());
        assertEquals("ml-slack", written.get("notification_settings").get("receiver").asText());
        assertEquals(json().get("data"), written.get("data"));
        assertEquals(rule, Json.mapper().treeToValue(written, AlertRule.class));
        assertFalse(written.has("record"), "absent optional fields are not written as null");
    }

    @Test
    void conditionMustNameExistingRefId() throws Exception {
        assertSingleError(validate(r -> r.put("condition", "D")), "/condition", "'D', which is not in data");
        assertSingleError(validate(r -> r.remove("condition")), "/condition", "condition is required");
    }

    @Test
    void datasourceMustExistOrBeExpressionDatasource() throws Exception {
        assertSingleError(validate(r -> query(r, 0).put("datasourceUid", "loki")), "/data/0/datasourceUid",
                "datasource 'loki' does not exist");
        assertValid(validate(r -> query(r, 1).put("datasourceUid", "-100")));
        assertSingleError(validate(r -> query(r, 0).remove("datasourceUid")), "/data/0/datasourceUid", "required");
    }

    @Test
    void inWarnModeAMissingDatasourceIsAWarningAndEverythingElseStaysAnError() throws Exception {
        FindingCollector findings = new FindingCollector("");
        validator.validate(rule(r -> query(r, 0).put("datasourceUid", "loki")), findings, ONLY_PROMETHEUS,
                SLACK_AND_MAINTENANCE, true, ValidationMode.WARN);
        ValidationReport report = findings.report();
        assertValid(report);
        assertEquals(1, report.warnings().size(), report.toString());
        assertEquals("/data/0/datasourceUid", report.warnings().get(0).pointer());
        assertTrue(report.warnings().get(0).message().contains("datasource 'loki' does not exist"), report.toString());

        FindingCollector missing = new FindingCollector("");
        validator.validate(rule(r -> query(r, 0).remove("datasourceUid")), missing, ONLY_PROMETHEUS,
                SLACK_AND_MAINTENANCE, true, ValidationMode.WARN);
        assertSingleError(missing.report(), "/data/0/datasourceUid", "required");
    }

    @Test
    void refIdsAreRequiredAndUnique() throws Exception {
        ValidationReport duplicate = validate(r -> {
            query(r, 2).put("refId", "B");
            r.put("condition", "B");
        });
        assertErrorAt(duplicate, "/data/2/refId", "already used by /data/1");
        assertErrorAt(validate(r -> query(r, 0).remove("refId")), "/data/0/refId", "refId is required");
        ValidationReport blankExpressionRefId = validate(r -> query(r, 1).put("refId", ""));
        assertErrorAt(blankExpressionRefId, "/data/1/refId", "refId is required");
        assertErrorAt(blankExpressionRefId, "/data/2/model/expression", "'B', which is not in data");
        assertSingleError(validate(r -> r.putArray("data")), "/data", "at least one query");
    }

    @Test
    void reduceResampleAndThresholdReferenceExistingRefIds() throws Exception {
        assertSingleError(validate(r -> model(r, 1).put("expression", "X")), "/data/1/model/expression",
                "references refId 'X', which is not in data");
        assertSingleError(validate(r -> model(r, 2).put("expression", "Q")), "/data/2/model/expression", "'Q'");
        ValidationReport resample = validate(r -> model(r, 1).removeAll().put("type", "resample")
                .put("expression", "Y").put("window", "1m").put("downsampler", "mean").put("upsampler", "fillna"));
        assertSingleError(resample, "/data/1/model/expression", "'Y'");
    }

    @Test
    void expressionModelShapes() throws Exception {
        assertSingleError(validate(r -> model(r, 1).put("reducer", "average")), "/data/1/model/reducer", "unknown reducer");
        assertSingleError(validate(r -> model(r, 1).remove("expression")), "/data/1/model/expression", "refId of its input");
        assertSingleError(validate(r -> model(r, 1).put("type", "magic")), "/data/1/model/type", "unknown expression type 'magic'");
        assertSingleError(validate(r -> model(r, 1).remove("type")), "/data/1/model/type", "expression type is required");
        assertSingleError(validate(r -> model(r, 1).with("settings").put("mode", "dropNaN")), "/data/1/model/settings/mode",
                "unknown reduce mode");
        assertSingleError(validate(r -> ((ObjectNode) model(r, 2).get("conditions").get(0).get("evaluator"))
                .put("type", "above")), "/data/2/model/conditions/0/evaluator/type", "unknown evaluator type");
        assertSingleError(validate(r -> ((ObjectNode) model(r, 2).get("conditions").get(0).get("evaluator"))
                .put("type", "within_range")), "/data/2/model/conditions/0/evaluator/params", "needs 2");
        ValidationReport resample = validate(r -> model(r, 1).removeAll().put("type", "resample")
                .put("expression", "A").put("window", "soon"));
        assertSingleError(resample, "/data/1/model/window", "window");
    }

    @Test
    void mathReferencesAreFoundInDollarForms() throws Exception {
        assertValid(validate(r -> {
            model(r, 2).removeAll().put("type", "math").put("expression", "$B > 0.5 && ${A} > 0");
        }));
        assertSingleError(validate(r -> model(r, 2).removeAll().put("type", "math").put("expression", "$B > ${Missing One}")),
                "/data/2/model/expression", "'Missing One'");
        assertSingleError(validate(r -> model(r, 2).removeAll().put("type", "math")), "/data/2/model/expression",
                "math needs an expression");
    }

    @Test
    void classicConditionsReferenceQueryParams() throws Exception {
        ValidationReport report = validate(r -> {
            ObjectNode model = model(r, 2).removeAll().put("type", "classic_conditions");
            ArrayNode conditions = model.putArray("conditions");
            ObjectNode condition = conditions.addObject();
            condition.putObject("evaluator").put("type", "gt").putArray("params").add(0.5);
            condition.putObject("query").putArray("params").add("Nope");
            condition.putObject("reducer").put("type", "last");
        });
        assertSingleError(report, "/data/2/model/conditions/0/query/params/0", "'Nope'");
        ValidationReport valid = validate(r -> {
            ObjectNode model = model(r, 2).removeAll().put("type", "classic_conditions");
            ObjectNode condition = model.putArray("conditions").addObject();
            condition.putObject("evaluator").put("type", "gt").putArray("params").add(0.5);
            condition.putObject("query").putArray("params").add("A");
            ObjectNode noValue = model.withArray("conditions").addObject();
            noValue.putObject("evaluator").put("type", "no_value").putArray("params");
            noValue.putObject("query").putArray("params").add("A");
        });
        assertValid(valid);
        assertSingleError(validate(r -> ((ObjectNode) model(r, 2).get("conditions").get(0).get("evaluator"))
                .put("type", "no_value")), "/data/2/model/conditions/0/evaluator/type", "unknown evaluator type 'no_value'");
    }

    @Test
    void sqlExpressionsReferenceTablesThatAreRefIds() throws Exception {
        assertValid(validate(r -> model(r, 2).removeAll().put("type", "sql")
                .put("expression", "SELECT value > 0.5 FROM B JOIN \"A\" ON true")));
        assertSingleError(validate(r -> model(r, 2).removeAll().put("type", "sql")
                .put("expression", "SELECT * FROM C")), "/data/2/model", "cycle: C -> C");
    }

    @Test
    void referenceCycleIsReportedWithItsPath() throws Exception {
        ValidationReport report = validate(r -> model(r, 1).put("expression", "C"));
        assertSingleError(report, "/data/1/model", "cycle: B -> C -> B");
        assertSingleError(validate(r -> model(r, 2).put("expression", "C")), "/data/2/model", "C -> C");
    }

    @Test
    void expressionNeedsAModelObject() throws Exception {
        assertSingleError(validate(r -> query(r, 1).put("model", "reduce")), "/data/1/model", "JSON object");
    }

    @Test
    void relativeTimeRange() throws Exception {
        assertSingleError(validate(r -> query(r, 0).with("relativeTimeRange").put("from", 0).put("to", 600)),
                "/data/0/relativeTimeRange/from", "must be greater than relativeTimeRange.to (600 s ago)");
        assertSingleError(validate(r -> query(r, 0).with("relativeTimeRange").put("from", 0).put("to", 0)),
                "/data/0/relativeTimeRange/from", "must be greater");
        assertValid(validate(r -> query(r, 1).with("relativeTimeRange").put("from", 0).put("to", 0)));
        assertSingleError(validate(r -> query(r, 0).with("relativeTimeRange").put("from", -5)),
                "/data/0/relativeTimeRange", "negative");
        assertSingleError(validate(r -> query(r, 0).remove("relativeTimeRange")), "/data/0/relativeTimeRange",
                "required for datasource queries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoData", "Alerting", "OK", "KeepLast"})
    void noDataStates(String state) throws Exception {
        assertValid(validate(r -> r.put("noDataState", state)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error", "Alerting", "OK", "KeepLast"})
    void execErrStates(String state) throws Exception {
        assertValid(validate(r -> r.put("execErrState", state)));
    }

    @Test
    void unknownStates() throws Exception {
        assertSingleError(validate(r -> r.put("noDataState", "Error")), "/noDataState", "NoData, Alerting, OK, KeepLast");
        assertSingleError(validate(r -> r.put("execErrState", "NoData")), "/execErrState", "Error, Alerting, OK, KeepLast");
    }

    @Test
    void durationsMustParse() throws Exception {
        assertSingleError(validate(r -> r.put("for", "5 minutes")), "/for", "for:");
        assertSingleError(validate(r -> r.put("keepFiringFor", "1x")), "/keepFiringFor", "keepFiringFor:");
        assertValid(validate(r -> r.put("for", "1h30m").put("keepFiringFor", "300s")));
    }

    @Test
    void labelNamesAndTemplates() throws Exception {
        assertSingleError(validate(r -> r.with("labels").put("team-name", "ml")), "/labels/team-name",
                "must match [a-zA-Z_][a-zA-Z0-9_]*");
        assertSingleError(validate(r -> r.with("labels").put("1st", "x")), "/labels/1st", "label name");
        assertSingleError(validate(r -> r.with("labels").put("severity", "{{ if .X }}critical")), "/labels/severity",
                "never closed with {{end}}");
        assertSingleError(validate(r -> r.with("labels").put("path/with~chars", "x")), "/labels/path~1with~0chars",
                "label name");
    }

    @Test
    void annotationTemplates() throws Exception {
        assertSingleError(validate(r -> r.with("annotations").put("summary", "latency {{ $values.B.Value")),
                "/annotations/summary", "annotation 'summary' template");
        assertSingleError(validate(r -> r.with("annotations").put("description", "{{ end }}")),
                "/annotations/description", "no matching");
    }

    @Test
    void dashboardPanelLink() throws Exception {
        assertSingleError(validate(r -> r.with("annotations").put("__panelId__", "four")), "/annotations/__panelId__",
                "whole number");
        assertSingleError(validate(r -> r.with("annotations").remove("__dashboardUid__")), "/annotations/__panelId__",
                "needs __dashboardUid__");
        assertSingleError(validate(r -> r.with("annotations").remove("__panelId__")), "/annotations/__dashboardUid__",
                "needs __panelId__");
    }

    @Test
    void titleUidFolderAndGroup() throws Exception {
        assertSingleError(validate(r -> r.put("title", " ")), "/title", "blank");
        assertSingleError(validate(r -> r.put("title", "x".repeat(191))), "/title", "190");
        assertSingleError(validate(r -> r.put("uid", "bad uid")), "/uid", "letters, digits");
        assertSingleError(validate(r -> r.remove("folderUID")), "/folderUID", "required");
        assertSingleError(validate(r -> r.remove("ruleGroup")), "/ruleGroup", "required");
        assertValid(validate(r -> r.remove("uid")));
    }

    @Test
    void groupFieldsAreOptionalInsideAGroup() throws Exception {
        AlertRule rule = rule(r -> {
            r.remove("folderUID");
            r.remove("ruleGroup");
        });
        FindingCollector findings = new FindingCollector("/rules/0");
        validator.validate(rule, findings, ONLY_PROMETHEUS, SLACK_AND_MAINTENANCE, false);
        assertValid(findings.report());
    }

    @Test
    void notificationSettings() throws Exception {
        assertSingleError(validate(r -> r.with("notification_settings").put("receiver", "pagerduty")),
                "/notification_settings/receiver", "contact point 'pagerduty' does not exist");
        assertSingleError(validate(r -> r.with("notification_settings").remove("receiver")),
                "/notification_settings/receiver", "required");
        assertSingleError(validate(r -> r.with("notification_settings").putArray("mute_time_intervals").add("weekends")),
                "/notification_settings/mute_time_intervals/0", "'weekends' does not exist");
        assertSingleError(validate(r -> r.with("notification_settings").putArray("group_by").add("alertname").add("...")),
                "/notification_settings/group_by/1", "must be the only entry");
        assertSingleError(validate(r -> r.with("notification_settings").put("repeat_interval", "0s")),
                "/notification_settings/repeat_interval", "greater than zero");
        assertSingleError(validate(r -> r.with("notification_settings").put("group_wait", "soon")),
                "/notification_settings/group_wait", "group_wait");
    }

    @Test
    void recordingRule() throws Exception {
        Consumer<ObjectNode> recording = r -> {
            r.remove("condition");
            r.remove("notification_settings");
            r.putObject("record").put("metric", "ml:prediction_latency:p99").put("from", "B");
        };
        assertValid(validate(recording));
        assertTrue(rule(recording).isRecordingRule());
        assertSingleError(validate(recording.andThen(r -> ((ObjectNode) r.get("record")).put("from", "Z"))),
                "/record/from", "'Z'");
        assertSingleError(validate(recording.andThen(r -> ((ObjectNode) r.get("record")).put("metric", "bad-metric"))),
                "/record/metric", "[a-zA-Z_:]");
        assertSingleError(validate(recording.andThen(r -> ((ObjectNode) r.get("record")).remove("from"))),
                "/record/from", "required");
        assertSingleError(validate(recording.andThen(r -> r.putObject("notification_settings").put("receiver", "ml-slack"))),
                "/notification_settings", "recording rules");
    }

    @Test
    void inGroupKeepsUid() throws Exception {
        AlertRule moved = rule(r -> { }).inGroup("other-folder", "other-group");
        assertEquals("ml-p99-latency", moved.uid());
        assertEquals("other-folder", moved.folderUID());
        assertEquals("other-group", moved.ruleGroup());
    }
}
