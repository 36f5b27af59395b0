package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dashplane.schema.alerting.AlertQuery;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.NotificationSettings;
import io.dashplane.schema.alerting.RecordingSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule inside a provisioning file group. Unlike the HTTP form it has no folder or group of its own and
 * links to a dashboard panel with {@code dashboardUid}/{@code panelId} fields instead of annotations.
 * Grafana's old misspelling {@code dasboardUid} is read too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"uid", "title", "condition", "data", "dashboardUid", "panelId", "noDataState", "execErrState",
        "for", "keepFiringFor", "missing_series_evals_to_resolve", "annotations", "labels", "isPaused",
        "notification_settings", "record"})
public record ProvisionedRule(
        String uid,
        String title,
        String condition,
        List<AlertQuery> data,
        @JsonAlias("dasboardUid") String dashboardUid,
        Long panelId,
        String noDataState,
        String execErrState,
        @JsonProperty("for") String pendingPeriod,
        String keepFiringFor,
        @JsonProperty("missing_series_evals_to_resolve") Integer missingSeriesEvalsToResolve,
        Map<String, String> annotations,
        Map<String, String> labels,
        Boolean isPaused,
        @JsonProperty("notification_settings") NotificationSettings notificationSettings,
        RecordingSettings record) {

    /** The rule in its HTTP form, placed in folder {@code folderUid} and group {@code ruleGroup}. */
    public AlertRule toAlertRule(String folderUid, String ruleGroup) {
        Map<String, String> merged = annotations;
        if (dashboardUid != null && !dashboardUid.isEmpty()) {
            merged = new LinkedHashMap<>(annotations == null ? Map.of() : annotations);
            merged.put(AlertRule.DASHBOARD_UID_ANNOTATION, dashboardUid);
            if (panelId != null) {
                merged.put(AlertRule.PANEL_ID_ANNOTATION, Long.toString(panelId));
            }
        }
        return new AlertRule(uid, title, folderUid, ruleGroup, condition, data, noDataState, execErrState,
                pendingPeriod, keepFiringFor, missingSeriesEvalsToResolve, merged, labels, isPaused,
                notificationSettings, record);
    }

    /** The same rule without its dashboard panel link. */
    public ProvisionedRule withoutPanelLink() {
        return new ProvisionedRule(uid, title, condition, data, null, null, noDataState, execErrState, pendingPeriod,
                keepFiringFor, missingSeriesEvalsToResolve, annotations, labels, isPaused, notificationSettings, record);
    }

    /** The file form of {@code rule}; a numeric panel link annotation becomes {@code dashboardUid}/{@code panelId}. */
    public static ProvisionedRule of(AlertRule rule) {
        Map<String, String> annotations = rule.annotations();
        String dashboardUid = null;
        Long panelId = null;
        if (annotations != null && annotations.containsKey(AlertRule.DASHBOARD_UID_ANNOTATION)) {
            String panel = annotations.get(AlertRule.PANEL_ID_ANNOTATION);
            boolean numericPanel = panel == null || panel.matches("-?\\d{1,18}");
            if (numericPanel) {
                dashboardUid = annotations.get(AlertRule.DASHBOARD_UID_ANNOTATION);
                panelId = panel == null ? null : Long.parseLong(panel);
                annotations = new LinkedHashMap<>(annotations);
                annotations.remove(AlertRule.DASHBOARD_UID_ANNOTATION);
                annotations.remove(AlertRule.PANEL_ID_ANNOTATION);
                if (annotations.isEmpty()) {
                    annotations = null;
                }
            }
        }
        return new ProvisionedRule(rule.uid(), rule.title(), rule.condition(), rule.data(), dashboardUid, panelId,
                rule.noDataState(), rule.execErrState(), rule.pendingPeriod(), rule.keepFiringFor(),
                rule.missingSeriesEvalsToResolve(), annotations, rule.labels(), rule.isPaused(),
                rule.notificationSettings(), rule.record());
    }
}
