package io.dashplane.server.alerting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/** Alerting object counts per kind over all environments, for the dashplane_objects metric. */
public final class AlertingCounts {
    private final RuleGroupRepository groups;
    private final AlertRuleRepository rules;
    private final ContactPointRepository contactPoints;
    private final NotificationPolicyRepository policies;
    private final MuteTimingRepository muteTimings;
    private final MessageTemplateRepository templates;

    AlertingCounts(RuleGroupRepository groups, AlertRuleRepository rules, ContactPointRepository contactPoints,
                   NotificationPolicyRepository policies, MuteTimingRepository muteTimings,
                   MessageTemplateRepository templates) {
        this.groups = groups;
        this.rules = rules;
        this.contactPoints = contactPoints;
        this.policies = policies;
        this.muteTimings = muteTimings;
        this.templates = templates;
    }

    public Map<String, Long> count(DSLContext tx) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rule_group", groups.countAll(tx));
        counts.put("alert_rule", rules.countAll(tx));
        counts.put("contact_point", contactPoints.countAll(tx));
        counts.put("notification_route", policies.countAllRoutes(tx));
        counts.put("mute_timing", muteTimings.countAll(tx));
        counts.put("message_template", templates.countAll(tx));
        return counts;
    }
}
