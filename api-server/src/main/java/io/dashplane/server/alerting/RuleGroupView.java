package io.dashplane.server.alerting;

import java.util.List;

/** A rule group with the uids of its rules in evaluation order. */
public record RuleGroupView(StoredRuleGroup group, List<String> ruleUids) {
}
