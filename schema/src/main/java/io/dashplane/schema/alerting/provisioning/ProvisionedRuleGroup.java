package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dashplane.schema.alerting.RuleGroup;

import java.util.List;

/**
 * A rule group in a provisioning file. {@code folder} names the folder as Grafana writes it (its title);
 * the importer resolves it to a folder uid.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orgId", "name", "folder", "interval", "rules"})
public record ProvisionedRuleGroup(Long orgId, String name, String folder, String interval,
                                   List<ProvisionedRule> rules) {
    public RuleGroup toRuleGroup(String folderUid) {
        return new RuleGroup(folderUid, name, interval);
    }
}
