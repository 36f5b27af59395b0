package io.dashplane.server.alerting.api;

import io.dashplane.server.alerting.AlertingServices;
import java.util.List;

/** The alerting resources, for registration in the Jersey application. */
public final class AlertingResources {
    private AlertingResources() {
    }

    public static List<Object> all(AlertingServices alerting) {
        return List.of(new RuleGroupResource(alerting), new AlertRuleResource(alerting), new ContactPointResource(alerting),
                new NotificationPolicyResource(alerting), new MuteTimingResource(alerting),
                new MessageTemplateResource(alerting), new AlertingTransferResource(alerting));
    }
}
