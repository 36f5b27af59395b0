package io.dashplane.server.grafana;

import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.Durations;
import io.dashplane.schema.alerting.RuleGroup;
import io.dashplane.schema.alerting.provisioning.ProvisionedRule;
import io.dashplane.schema.alerting.provisioning.ProvisionedRuleGroup;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.alerting.provisioning.UidDeletion;
import io.dashplane.schema.validation.Finding;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.RuleGroupView;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.storage.ExpectedVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grafana's rule-group rules over Dashplane's alerting: a rule posted into a group that does not exist creates the
 * group (Grafana's default interval, 60 s), and {@code PUT .../rule-groups/{group}} makes the group exactly the
 * rules sent (others of the group are deleted), in one transaction through the alerting import.
 */
final class GrafanaRuleGroups {
    static final String DEFAULT_INTERVAL = "60s";

    private final AlertingServices alerting;
    private final FolderService folders;

    GrafanaRuleGroups(AlertingServices alerting, FolderService folders) {
        this.alerting = alerting;
        this.folders = folders;
    }

    Optional<RuleGroupView> find(String env, String folderUid, String name) {
        try {
            return Optional.of(alerting.ruleGroups().get(env, folderUid, name));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void ensureGroup(String env, AlertRule rule) {
        if (rule.folderUID() == null || rule.ruleGroup() == null || rule.ruleGroup().isEmpty()) {
            return; // the rule service reports the missing members with their pointers
        }
        folders.get(env, rule.folderUID());
        if (find(env, rule.folderUID(), rule.ruleGroup()).isEmpty()) {
            alerting.ruleGroups().put(env, rule.folderUID(), rule.ruleGroup(),
                    new RuleGroup(rule.folderUID(), rule.ruleGroup(), DEFAULT_INTERVAL), ExpectedVersion.NONE);
        }
    }

    /** Replaces the group's interval and rules with {@code rules}, all or nothing. */
    void replace(String env, String folderUid, String name, long intervalSeconds, List<AlertRule> rules) {
        folders.get(env, folderUid);
        if (intervalSeconds <= 0) {
            throw DomainException.invalid("/interval", "interval must be a positive number of seconds");
        }
        Set<String> kept = new HashSet<>();
        List<ProvisionedRule> provisioned = new ArrayList<>();
        for (AlertRule rule : rules) {
            provisioned.add(ProvisionedRule.of(rule.inGroup(folderUid, name)));
            if (rule.uid() != null) {
                kept.add(rule.uid());
            }
        }
        List<UidDeletion> deletions = new ArrayList<>();
        find(env, folderUid, name).ifPresent(group -> group.ruleUids().stream().filter(uid -> !kept.contains(uid))
                .forEach(uid -> deletions.add(new UidDeletion(null, uid))));
        ProvisionedRuleGroup group = new ProvisionedRuleGroup(null, name, folderUid, intervalSeconds + "s",
                provisioned);
        ProvisioningFile file = new ProvisioningFile(ProvisioningFile.API_VERSION, List.of(group),
                deletions.isEmpty() ? null : deletions, null, null, null, null, null, null, null, null);
        try {
            alerting.transfer().importFile(env, file, false);
        } catch (DomainException e) {
            throw withGroupPointers(e);
        }
    }

    static long seconds(String interval) {
        return Durations.parse(interval).toSeconds();
    }

    /** The import points into its file ({@code /groups/0/rules/1/...}); the request body is the group itself. */
    private static DomainException withGroupPointers(DomainException e) {
        if (e.kind() != DomainException.Kind.INVALID) {
            return e;
        }
        return DomainException.validation(rebase(e.errors()), rebase(e.warnings()));
    }

    private static List<Finding> rebase(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.pointer() == null ? null
                : f.pointer().replaceFirst("^/groups/0", ""), f.message())).toList();
    }
}
