package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Grafana-managed alert or recording rule as Grafana's provisioning HTTP API spells it. Fields Grafana
 * manages itself ({@code id}, {@code orgID}, {@code updated}, {@code provenance}) are accepted and dropped.
 * Durations stay strings as sent; compare them with {@link Durations#equivalent}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"id", "orgID", "updated", "provenance"}, allowGetters = false)
@JsonPropertyOrder({"uid", "title", "folderUID", "ruleGroup", "condition", "data", "noDataState", "execErrState",
        "for", "keepFiringFor", "missingSeriesEvalsToResolve", "annotations", "labels", "isPaused",
        "notification_settings", "record"})
public record AlertRule(
        String uid,
        String title,
        String folderUID,
        String ruleGroup,
        String condition,
        List<AlertQuery> data,
        String noDataState,
        String execErrState,
        @JsonProperty("for") String pendingPeriod,
        String keepFiringFor,
        Integer missingSeriesEvalsToResolve,
        Map<String, String> annotations,
        Map<String, String> labels,
        Boolean isPaused,
        @JsonProperty("notification_settings") NotificationSettings notificationSettings,
        RecordingSettings record) {

    public static final Set<String> NO_DATA_STATES = Set.of("NoData", "Alerting", "OK", "KeepLast");
    public static final Set<String> EXEC_ERR_STATES = Set.of("Error", "Alerting", "OK", "KeepLast");
    /** Annotations Grafana uses to link a rule to a dashboard panel. */
    public static final String DASHBOARD_UID_ANNOTATION = "__dashboardUid__";
    public static final String PANEL_ID_ANNOTATION = "__panelId__";

    @JsonIgnore
    public boolean isRecordingRule() {
        return record != null;
    }

    /** A copy in another group (and folder); the uid stays. */
    public AlertRule inGroup(String newFolderUid, String newRuleGroup) {
        return new AlertRule(uid, title, newFolderUid, newRuleGroup, condition, data, noDataState, execErrState,
                pendingPeriod, keepFiringFor, missingSeriesEvalsToResolve, annotations, labels, isPaused,
                notificationSettings, record);
    }

    public AlertRule withUid(String newUid) {
        return new AlertRule(newUid, title, folderUID, ruleGroup, condition, data, noDataState, execErrState,
                pendingPeriod, keepFiringFor, missingSeriesEvalsToResolve, annotations, labels, isPaused,
                notificationSettings, record);
    }
}
