package io.dashplane.schema.alerting;

import io.dashplane.schema.Uid;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.json.JsonPointers;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.schema.validation.ValidationReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic checks of one alert or recording rule. Pointers are relative to the rule object, behind the
 * caller's prefix (e.g. {@code ""} for a rule request body, {@code "/groups/0/rules/3"} inside a file).
 */
public final class AlertRuleValidator {
    public static final int MAX_TITLE_LENGTH = 190;

    public ValidationReport validate(AlertRule rule, String pointerPrefix, DatasourceLookup datasources,
                                     NotificationLookup notifications) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        validate(rule, findings, datasources, notifications, true);
        return findings.report();
    }

    /** As the four-argument form; in {@link ValidationMode#WARN} a missing datasource is a warning. */
    public ValidationReport validate(AlertRule rule, String pointerPrefix, DatasourceLookup datasources,
                                     NotificationLookup notifications, ValidationMode mode) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        validate(rule, findings, datasources, notifications, true, mode);
        return findings.report();
    }

    public ValidationReport validate(AlertRule rule, String pointerPrefix, DatasourceLookup datasources) {
        return validate(rule, pointerPrefix, datasources, NotificationLookup.ANY);
    }

    /**
     * @param requireGroup false where folder and group come from the surrounding object (a rule group body or
     *                     a provisioning file group), true for a standalone rule
     */
    public void validate(AlertRule rule, FindingCollector findings, DatasourceLookup datasources,
                         NotificationLookup notifications, boolean requireGroup) {
        validate(rule, findings, datasources, notifications, requireGroup, ValidationMode.STRICT);
    }

    /**
     * As {@link #validate(AlertRule, FindingCollector, DatasourceLookup, NotificationLookup, boolean)}; in
     * {@link ValidationMode#WARN} a query naming a datasource uid that does not exist is a warning, not an error.
     */
    public void validate(AlertRule rule, FindingCollector findings, DatasourceLookup datasources,
                         NotificationLookup notifications, boolean requireGroup, ValidationMode mode) {
        if (rule == null) {
            findings.error("", "rule must be a JSON object");
            return;
        }
        if (rule.uid() != null) {
            String problem = Uid.problem(rule.uid());
            if (problem != null) {
                findings.error("/uid", problem);
            }
        }
        title(rule.title(), findings);
        if (requireGroup) {
            if (CommonChecks.blank(rule.folderUID())) {
                findings.error("/folderUID", "folderUID is required: the folder that holds the rule");
            } else if (!Uid.isValid(rule.folderUID())) {
                findings.error("/folderUID", "folderUID: " + Uid.problem(rule.folderUID()));
            }
            if (CommonChecks.blank(rule.ruleGroup())) {
                findings.error("/ruleGroup", "ruleGroup is required: the name of the rule group that evaluates the rule");
            } else if (rule.ruleGroup().length() > RuleGroupValidator.MAX_NAME_LENGTH) {
                findings.error("/ruleGroup", "ruleGroup must be at most " + RuleGroupValidator.MAX_NAME_LENGTH + " characters");
            }
        }
        Set<String> refIds = queries(rule.data(), findings, datasources, mode);
        conditionAndRecord(rule, refIds, findings);
        states(rule, findings);
        CommonChecks.duration(findings, "/for", "for", rule.pendingPeriod());
        CommonChecks.duration(findings, "/keepFiringFor", "keepFiringFor", rule.keepFiringFor());
        if (rule.missingSeriesEvalsToResolve() != null && rule.missingSeriesEvalsToResolve() < 1) {
            findings.error("/missingSeriesEvalsToResolve", "missingSeriesEvalsToResolve must be at least 1");
        }
        labels(rule.labels(), findings);
        annotations(rule.annotations(), findings);
        if (rule.notificationSettings() != null) {
            notificationSettings(rule.notificationSettings(), findings.at("/notification_settings"), notifications);
            if (rule.isRecordingRule()) {
                findings.error("/notification_settings", "recording rules send no notifications; remove notification_settings");
            }
        }
    }

    private static void title(String title, FindingCollector findings) {
        if (title == null) {
            findings.error("/title", "title is required");
        } else if (title.isBlank()) {
            findings.error("/title", "title must not be blank");
        } else if (title.length() > MAX_TITLE_LENGTH) {
            findings.error("/title", "title must be at most " + MAX_TITLE_LENGTH + " characters (got " + title.length() + ")");
        }
    }

    private static Set<String> queries(List<AlertQuery> data, FindingCollector findings, DatasourceLookup datasources,
                                       ValidationMode mode) {
        Map<String, Integer> indexByRefId = new LinkedHashMap<>();
        if (data == null || data.isEmpty()) {
            findings.error("/data", "data needs at least one query");
            return indexByRefId.keySet();
        }
        for (int i = 0; i < data.size(); i++) {
            AlertQuery query = data.get(i);
            String at = "/data/" + i;
            if (query == null) {
                findings.error(at, "query must be an object");
                continue;
            }
            if (CommonChecks.blank(query.refId())) {
                findings.error(at + "/refId", "refId is required");
            } else {
                Integer first = indexByRefId.putIfAbsent(query.refId(), i);
                if (first != null) {
                    findings.error(at + "/refId", "refId '" + query.refId() + "' is already used by /data/" + first);
                }
            }
            if (CommonChecks.blank(query.datasourceUid())) {
                findings.error(at + "/datasourceUid", "datasourceUid is required (" + AlertQuery.EXPRESSION_DATASOURCE_UID
                        + " for expressions)");
            } else if (!query.isExpression() && !datasources.existsByUid(query.datasourceUid())) {
                String missing = "datasource '" + query.datasourceUid() + "' does not exist in this environment";
                if (mode == ValidationMode.WARN) {
                    findings.warn(at + "/datasourceUid", missing + "; the rule is stored but cannot be evaluated until it does");
                } else {
                    findings.error(at + "/datasourceUid", missing);
                }
            }
            if (query.model() == null || !query.model().isObject()) {
                findings.error(at + "/model", "model must be a JSON object (the query as the datasource expects it)");
            }
            RelativeTimeRange range = query.relativeTimeRange();
            if (range != null) {
                if ((range.from() != null && range.from() < 0) || (range.to() != null && range.to() < 0)) {
                    findings.error(at + "/relativeTimeRange", "relativeTimeRange from and to are seconds before now and must not be negative");
                } else if (!query.isExpression() && nullToZero(range.from()) <= nullToZero(range.to())) {
                    findings.error(at + "/relativeTimeRange/from", "relativeTimeRange.from (" + nullToZero(range.from())
                            + " s ago) must be greater than relativeTimeRange.to (" + nullToZero(range.to()) + " s ago)");
                }
            } else if (!query.isExpression()) {
                findings.error(at + "/relativeTimeRange", "relativeTimeRange is required for datasource queries");
            }
        }
        expressionGraph(data, indexByRefId, findings);
        return indexByRefId.keySet();
    }

    private static long nullToZero(Long seconds) {
        return seconds == null ? 0 : seconds;
    }

    private static void expressionGraph(List<AlertQuery> data, Map<String, Integer> indexByRefId,
                                        FindingCollector findings) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            AlertQuery query = data.get(i);
            if (query == null || !query.isExpression() || query.model() == null || !query.model().isObject()) {
                continue;
            }
            String modelPointer = "/data/" + i + "/model";
            List<ExpressionReference> refs = Expressions.analyse(query.model(), indexByRefId.keySet(),
                    findings.at(modelPointer));
            List<String> targets = new ArrayList<>();
            for (ExpressionReference ref : refs) {
                if (!indexByRefId.containsKey(ref.refId())) {
                    findings.error(modelPointer + ref.pointer(), "expression references refId '" + ref.refId()
                            + "', which is not in data (refIds: " + String.join(", ", indexByRefId.keySet()) + ")");
                } else {
                    targets.add(ref.refId());
                }
            }
            if (query.refId() != null && Integer.valueOf(i).equals(indexByRefId.get(query.refId()))) {
                edges.put(query.refId(), targets);
            }
        }
        List<String> cycle = ReferenceCycles.find(edges);
        if (!cycle.isEmpty()) {
            findings.error("/data/" + indexByRefId.get(cycle.get(0)) + "/model",
                    "expressions reference each other in a cycle: " + String.join(" -> ", cycle));
        }
    }

    private static void conditionAndRecord(AlertRule rule, Set<String> refIds, FindingCollector findings) {
        if (rule.isRecordingRule()) {
            RecordingSettings record = rule.record();
            if (CommonChecks.blank(record.metric())) {
                findings.error("/record/metric", "record.metric is required: the name of the metric to write");
            } else if (!LabelNames.isValidMetricName(record.metric())) {
                findings.error("/record/metric", "record.metric '" + record.metric() + "' must match [a-zA-Z_:][a-zA-Z0-9_:]*");
            }
            if (CommonChecks.blank(record.from())) {
                findings.error("/record/from", "record.from is required: the refId whose result is recorded");
            } else if (!refIds.isEmpty() && !refIds.contains(record.from())) {
                findings.error("/record/from", "record.from names refId '" + record.from() + "', which is not in data");
            }
            if (!CommonChecks.blank(rule.condition()) && !refIds.isEmpty() && !refIds.contains(rule.condition())) {
                findings.error("/condition", "condition names refId '" + rule.condition() + "', which is not in data");
            }
            return;
        }
        if (CommonChecks.blank(rule.condition())) {
            findings.error("/condition", "condition is required: the refId whose result decides whether the rule fires");
        } else if (!refIds.isEmpty() && !refIds.contains(rule.condition())) {
            findings.error("/condition", "condition names refId '" + rule.condition() + "', which is not in data (refIds: "
                    + String.join(", ", refIds) + ")");
        }
    }

    private static void states(AlertRule rule, FindingCollector findings) {
        if (rule.noDataState() != null && !AlertRule.NO_DATA_STATES.contains(rule.noDataState())) {
            findings.error("/noDataState", "noDataState must be one of NoData, Alerting, OK, KeepLast (got '"
                    + rule.noDataState() + "')");
        }
        if (rule.execErrState() != null && !AlertRule.EXEC_ERR_STATES.contains(rule.execErrState())) {
            findings.error("/execErrState", "execErrState must be one of Error, Alerting, OK, KeepLast (got '"
                    + rule.execErrState() + "')");
        }
    }

    static void labels(Map<String, String> labels, FindingCollector findings) {
        if (labels == null) {
            return;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String at = JsonPointers.append("/labels", label.getKey());
            String problem = LabelNames.labelNameProblem(label.getKey());
            if (problem != null) {
                findings.error(at, problem);
            }
            if (label.getValue() == null) {
                findings.error(at, "label value must be a string");
            }
        }
        CommonChecks.templatedMap(findings, "/labels", "label", labels);
    }

    private static void annotations(Map<String, String> annotations, FindingCollector findings) {
        if (annotations == null) {
            return;
        }
        for (Map.Entry<String, String> annotation : annotations.entrySet()) {
            if (annotation.getKey().isBlank()) {
                findings.error(JsonPointers.append("/annotations", annotation.getKey()), "annotation name must not be blank");
            }
        }
        CommonChecks.templatedMap(findings, "/annotations", "annotation", annotations);
        String dashboardUid = annotations.get(AlertRule.DASHBOARD_UID_ANNOTATION);
        String panelId = annotations.get(AlertRule.PANEL_ID_ANNOTATION);
        if (panelId != null) {
            String at = JsonPointers.append("/annotations", AlertRule.PANEL_ID_ANNOTATION);
            if (!panelId.matches("-?\\d{1,18}")) {
                findings.error(at, AlertRule.PANEL_ID_ANNOTATION + " must be a whole number (got '" + panelId + "')");
            }
            if (dashboardUid == null) {
                findings.error(at, AlertRule.PANEL_ID_ANNOTATION + " needs " + AlertRule.DASHBOARD_UID_ANNOTATION);
            }
        } else if (dashboardUid != null) {
            findings.error(JsonPointers.append("/annotations", AlertRule.DASHBOARD_UID_ANNOTATION),
                    AlertRule.DASHBOARD_UID_ANNOTATION + " needs " + AlertRule.PANEL_ID_ANNOTATION);
        }
    }

    static void notificationSettings(NotificationSettings settings, FindingCollector findings,
                                     NotificationLookup notifications) {
        if (CommonChecks.blank(settings.receiver())) {
            findings.error("/receiver", "receiver is required: the contact point to notify");
        } else if (!notifications.contactPointExists(settings.receiver())) {
            findings.error("/receiver", "contact point '" + settings.receiver() + "' does not exist in this environment");
        }
        CommonChecks.groupBy(findings, "/group_by", settings.groupBy());
        CommonChecks.duration(findings, "/group_wait", "group_wait", settings.groupWait());
        CommonChecks.positiveDuration(findings, "/group_interval", "group_interval", settings.groupInterval());
        CommonChecks.positiveDuration(findings, "/repeat_interval", "repeat_interval", settings.repeatInterval());
        CommonChecks.timeIntervalNames(findings, "/mute_time_intervals", "mute_time_intervals",
                settings.muteTimeIntervals(), notifications);
        CommonChecks.timeIntervalNames(findings, "/active_time_intervals", "active_time_intervals",
                settings.activeTimeIntervals(), notifications);
    }
}
