package io.dashplane.schema.alerting.provisioning;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.AlertRuleValidator;
import io.dashplane.schema.alerting.ContactPointValidator;
import io.dashplane.schema.alerting.FindingCollector;
import io.dashplane.schema.alerting.MessageTemplateValidator;
import io.dashplane.schema.alerting.MuteTimingValidator;
import io.dashplane.schema.alerting.NotificationLookup;
import io.dashplane.schema.alerting.NotificationPolicyValidator;
import io.dashplane.schema.alerting.RuleGroupValidator;
import io.dashplane.schema.alerting.StoredSecrets;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.schema.validation.ValidationReport;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole provisioning file with the same validators as the HTTP API. Contact points and mute
 * timings defined in the file count as existing for the file's routes and rules; everything else is asked
 * of the lookups. Deletions are checked for shape only.
 */
public final class ProvisioningFileValidator {
    private final AlertRuleValidator rules = new AlertRuleValidator();
    private final ContactPointValidator contactPoints = new ContactPointValidator();
    private final NotificationPolicyValidator policies = new NotificationPolicyValidator();
    private final MuteTimingValidator muteTimings = new MuteTimingValidator();
    private final MessageTemplateValidator templates = new MessageTemplateValidator();

    public ValidationReport validate(ProvisioningFile file, String pointerPrefix, DatasourceLookup datasources,
                                     NotificationLookup environment) {
        return validate(file, pointerPrefix, datasources, environment, ValidationMode.STRICT);
    }

    /** In {@link ValidationMode#WARN}, rules naming a datasource that does not exist are warnings, not errors. */
    public ValidationReport validate(ProvisioningFile file, String pointerPrefix, DatasourceLookup datasources,
                                     NotificationLookup environment, ValidationMode mode) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        if (file == null) {
            findings.error("", "the provisioning file is empty");
            return findings.report();
        }
        if (file.apiVersion() == null) {
            findings.error("/apiVersion", "apiVersion is required and must be 1");
        } else if (file.apiVersion() != ProvisioningFile.API_VERSION) {
            findings.error("/apiVersion", "apiVersion " + file.apiVersion() + " is not supported; use 1");
        }
        NotificationLookup lookup = withFileObjects(file, environment);
        groups(file.groups(), findings, datasources, lookup, mode);
        contactPoints(file.contactPoints(), findings);
        policies(file.policies(), findings, lookup);
        muteTimes(file.muteTimes(), findings);
        templates(file.templates(), findings);
        uidDeletions(file.deleteRules(), "/deleteRules", findings);
        uidDeletions(file.deleteContactPoints(), "/deleteContactPoints", findings);
        nameDeletions(file.deleteMuteTimes(), "/deleteMuteTimes", findings);
        nameDeletions(file.deleteTemplates(), "/deleteTemplates", findings);
        if (file.resetPolicies() != null) {
            for (int i = 0; i < file.resetPolicies().size(); i++) {
                orgId(file.resetPolicies().get(i), "/resetPolicies/" + i, findings);
            }
        }
        return findings.report();
    }

    private static NotificationLookup withFileObjects(ProvisioningFile file, NotificationLookup environment) {
        Set<String> contactPointNames = new HashSet<>();
        if (file.contactPoints() != null) {
            file.contactPoints().stream().filter(c -> c != null && c.name() != null)
                    .forEach(c -> contactPointNames.add(c.name()));
        }
        Set<String> intervalNames = new HashSet<>();
        if (file.muteTimes() != null) {
            file.muteTimes().stream().filter(m -> m != null && m.name() != null)
                    .forEach(m -> intervalNames.add(m.name()));
        }
        return new NotificationLookup() {
            @Override
            public boolean contactPointExists(String name) {
                return contactPointNames.contains(name) || environment.contactPointExists(name);
            }

            @Override
            public boolean timeIntervalExists(String name) {
                return intervalNames.contains(name) || environment.timeIntervalExists(name);
            }
        };
    }

    private void groups(List<ProvisionedRuleGroup> groups, FindingCollector findings, DatasourceLookup datasources,
                        NotificationLookup lookup, ValidationMode mode) {
        if (groups == null) {
            return;
        }
        Map<String, String> ruleUids = new HashMap<>();
        Map<String, Integer> groupKeys = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            String at = "/groups/" + g;
            ProvisionedRuleGroup group = groups.get(g);
            if (group == null) {
                findings.error(at, "rule group must be an object");
                continue;
            }
            orgId(group.orgId(), at + "/orgId", findings);
            if (group.name() == null || group.name().isBlank()) {
                findings.error(at + "/name", "rule group name is required");
            }
            if (group.folder() == null || group.folder().isBlank()) {
                findings.error(at + "/folder", "folder is required: the folder that holds the group");
            }
            String intervalProblem = RuleGroupValidator.intervalProblem(group.interval());
            if (intervalProblem != null) {
                findings.error(at + "/interval", intervalProblem);
            }
            Integer first = groupKeys.putIfAbsent(group.folder() + "\u0000" + group.name(), g);
            if (first != null) {
                findings.error(at + "/name", "rule group '" + group.name() + "' in folder '" + group.folder()
                        + "' is already defined by /groups/" + first);
            }
            if (group.rules() == null || group.rules().isEmpty()) {
                findings.warn(at + "/rules", "rule group has no rules");
                continue;
            }
            for (int r = 0; r < group.rules().size(); r++) {
                String ruleAt = at + "/rules/" + r;
                ProvisionedRule rule = group.rules().get(r);
                if (rule == null) {
                    findings.error(ruleAt, "rule must be an object");
                    continue;
                }
                if (rule.uid() == null || rule.uid().isBlank()) {
                    findings.error(ruleAt + "/uid", "uid is required in provisioning files so that the rule keeps its identity");
                } else {
                    String firstRule = ruleUids.putIfAbsent(rule.uid(), ruleAt);
                    if (firstRule != null) {
                        findings.error(ruleAt + "/uid", "rule uid '" + rule.uid() + "' is already used by " + firstRule);
                    }
                }
                boolean hasDashboard = rule.dashboardUid() != null && !rule.dashboardUid().isEmpty();
                if (rule.panelId() != null && !hasDashboard) {
                    findings.error(ruleAt + "/panelId", "panelId needs dashboardUid");
                } else if (rule.panelId() == null && hasDashboard) {
                    findings.error(ruleAt + "/dashboardUid", "dashboardUid needs panelId: the panel the rule belongs to");
                }
                // The panel link is checked above against the file's own fields, not as annotations.
                rules.validate(rule.withoutPanelLink().toAlertRule(null, group.name()), findings.at(ruleAt), datasources,
                        lookup, false, mode);
                RuleGroupValidator.pendingPeriodAgainstInterval(rule.pendingPeriod(), group.interval(), findings.at(ruleAt));
            }
        }
    }

    private void contactPoints(List<ProvisionedContactPoint> list, FindingCollector findings) {
        if (list == null) {
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/contactPoints/" + i;
            ProvisionedContactPoint contactPoint = list.get(i);
            if (contactPoint == null) {
                findings.error(at, "contact point must be an object");
                continue;
            }
            orgId(contactPoint.orgId(), at + "/orgId", findings);
            Integer first = contactPoint.name() == null ? null : names.putIfAbsent(contactPoint.name(), i);
            if (first != null) {
                findings.error(at + "/name", "contact point '" + contactPoint.name()
                        + "' is already defined by /contactPoints/" + first + "; put all its integrations under one entry");
            }
            contactPoints.validate(contactPoint.toContactPoint(), findings.at(at), StoredSecrets.NONE, "receivers");
        }
    }

    private void policies(List<ProvisionedPolicy> list, FindingCollector findings, NotificationLookup lookup) {
        if (list == null) {
            return;
        }
        Map<Long, Integer> orgs = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/policies/" + i;
            ProvisionedPolicy policy = list.get(i);
            if (policy == null) {
                findings.error(at, "policy must be an object");
                continue;
            }
            orgId(policy.orgId(), at + "/orgId", findings);
            Integer first = orgs.putIfAbsent(policy.orgId() == null ? 1L : policy.orgId(), i);
            if (first != null) {
                findings.error(at, "the notification policy tree is already defined by /policies/" + first);
            }
            policies.validateTree(policy.policy(), findings.at(at), lookup);
        }
    }

    private void muteTimes(List<ProvisionedMuteTiming> list, FindingCollector findings) {
        if (list == null) {
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/muteTimes/" + i;
            ProvisionedMuteTiming timing = list.get(i);
            if (timing == null) {
                findings.error(at, "mute timing must be an object");
                continue;
            }
            orgId(timing.orgId(), at + "/orgId", findings);
            Integer first = timing.name() == null ? null : names.putIfAbsent(timing.name(), i);
            if (first != null) {
                findings.error(at + "/name", "mute timing '" + timing.name() + "' is already defined by /muteTimes/" + first);
            }
            muteTimings.validate(timing.toMuteTiming(), findings.at(at));
        }
    }

    private void templates(List<ProvisionedTemplate> list, FindingCollector findings) {
        if (list == null) {
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/templates/" + i;
            ProvisionedTemplate template = list.get(i);
            if (template == null) {
                findings.error(at, "template must be an object");
                continue;
            }
            orgId(template.orgId(), at + "/orgId", findings);
            Integer first = template.name() == null ? null : names.putIfAbsent(template.name(), i);
            if (first != null) {
                findings.error(at + "/name", "template '" + template.name() + "' is already defined by /templates/" + first);
            }
            templates.validate(template.toMessageTemplate(), findings.at(at));
        }
    }

    private static void uidDeletions(List<UidDeletion> list, String pointer, FindingCollector findings) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            UidDeletion deletion = list.get(i);
            if (deletion == null || deletion.uid() == null || deletion.uid().isBlank()) {
                findings.error(at + "/uid", "uid of the object to delete is required");
            } else {
                orgId(deletion.orgId(), at + "/orgId", findings);
                String problem = Uid.problem(deletion.uid());
                if (problem != null) {
                    findings.error(at + "/uid", problem);
                }
            }
        }
    }

    private static void nameDeletions(List<NameDeletion> list, String pointer, FindingCollector findings) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            NameDeletion deletion = list.get(i);
            if (deletion == null || deletion.name() == null || deletion.name().isBlank()) {
                findings.error(at + "/name", "name of the object to delete is required");
            } else {
                orgId(deletion.orgId(), at + "/orgId", findings);
            }
        }
    }

    private static void orgId(Long orgId, String pointer, FindingCollector findings) {
        if (orgId != null && orgId != 1L) {
            findings.warn(pointer, "orgId " + orgId + " is ignored: objects are written to the target environment");
        }
    }
}
