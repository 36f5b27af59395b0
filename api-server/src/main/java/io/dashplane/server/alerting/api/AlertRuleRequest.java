package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dashplane.schema.alerting.AlertQuery;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.NotificationSettings;
import io.dashplane.schema.alerting.RecordingSettings;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;

/**
 * An alert or recording rule write: Grafana's provisioning API shape of {@link AlertRule} plus the
 * compare-and-set {@code version}. Members Grafana or a GET answer carries that the server owns are accepted
 * and dropped; any other unknown member is refused.
 */
@JsonIgnoreProperties({"id", "orgID", "updated", "provenance", "createdAt", "updatedAt", "warnings"})
public record AlertRuleRequest(
        String uid,
        String title,
        String folderUID,
        String ruleGroup,
        String condition,
        List<@Valid AlertQuery> data,
        String noDataState,
        String execErrState,
        @JsonProperty("for") String pendingPeriod,
        String keepFiringFor,
        Integer missingSeriesEvalsToResolve,
        Map<String, String> annotations,
        Map<String, String> labels,
        Boolean isPaused,
        @JsonProperty("notification_settings") @Valid NotificationSettings notificationSettings,
        @Valid RecordingSettings record,
        Long version) {

    public AlertRule rule() {
        return new AlertRule(uid, title, folderUID, ruleGroup, condition, data, noDataState, execErrState,
                pendingPeriod, keepFiringFor, missingSeriesEvalsToResolve, annotations, labels, isPaused,
                notificationSettings, record);
    }
}
