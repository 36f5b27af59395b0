package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.AlertRule;

/** An alert or recording rule as stored; {@code position} orders the rules of a group. */
public record StoredAlertRule(AlertRule rule, long position, ObjectMeta meta) {
    public String uid() {
        return rule.uid();
    }
}
