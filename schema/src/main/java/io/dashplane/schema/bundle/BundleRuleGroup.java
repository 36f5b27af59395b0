package io.dashplane.schema.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.RuleGroup;

import java.util.List;

/** A rule group with its rules, in evaluation order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleRuleGroup(String folderUid, String name, String interval, List<AlertRule> rules) {
    public RuleGroup group() {
        return new RuleGroup(folderUid, name, interval);
    }
}
