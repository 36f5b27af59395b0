package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.AlertRule;

/** One entry of a rule's history: the rule exactly as written at {@code version}. */
public record AlertRuleVersion(long version, String message, String createdAt, AlertRule rule) {
}
