package io.dashplane.server.alerting;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.provisioning.NameDeletion;
import io.dashplane.schema.alerting.provisioning.ProvisionedContactPoint;
import io.dashplane.schema.alerting.provisioning.ProvisionedMuteTiming;
import io.dashplane.schema.alerting.provisioning.ProvisionedPolicy;
import io.dashplane.schema.alerting.provisioning.ProvisionedRule;
import io.dashplane.schema.alerting.provisioning.ProvisionedRuleGroup;
import io.dashplane.schema.alerting.provisioning.ProvisionedTemplate;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.alerting.provisioning.ProvisioningFileValidator;
import io.dashplane.schema.alerting.provisioning.UidDeletion;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.Folder;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Export of an environment's alerting configuration as a Grafana alerting provisioning file, and import of
 * such a file (one transaction: all or nothing; a dry run validates and writes, then rolls back).
 */
public final class AlertingTransferService {
    private final Database db;
    private final EnvironmentService environments;
    private final AlertingLookups lookups;
    private final FolderRepository folders;
    private final RuleGroupRepository groupRepository;
    private final AlertRuleRepository ruleRepository;
    private final RuleGroupService ruleGroups;
    private final AlertRuleService rules;
    private final ContactPointService contactPoints;
    private final NotificationPolicyService policies;
    private final MuteTimingService muteTimings;
    private final MessageTemplateService templates;
    private final ProvisioningFileValidator validator = new ProvisioningFileValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    public AlertingTransferService(Database db, EnvironmentService environments, AlertingLookups lookups,
                                   FolderRepository folders, RuleGroupRepository groupRepository,
                                   AlertRuleRepository ruleRepository, RuleGroupService ruleGroups, AlertRuleService rules,
                                   ContactPointService contactPoints, NotificationPolicyService policies,
                                   MuteTimingService muteTimings, MessageTemplateService templates,
                                   io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.lookups = lookups;
        this.folders = folders;
        this.groupRepository = groupRepository;
        this.ruleRepository = ruleRepository;
        this.ruleGroups = ruleGroups;
        this.rules = rules;
        this.contactPoints = contactPoints;
        this.policies = policies;
        this.muteTimings = muteTimings;
        this.templates = templates;
    }

    /**
     * Everything alerting in {@code env} as one provisioning file, lists sorted. Secret settings are written
     * as {@value ContactPointService#REDACTED} unless {@code decrypt}.
     */
    public ProvisioningFile export(String env, boolean decrypt) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            List<ProvisionedRuleGroup> groups = new ArrayList<>();
            for (StoredRuleGroup group : groupRepository.list(tx, env, null)) {
                String folderTitle = folders.find(tx, env, group.folderUid()).map(Folder::title).orElse(group.folderUid());
                List<ProvisionedRule> groupRules = ruleRepository.list(tx, env, group.folderUid(), group.name()).stream()
                        .map(r -> ProvisionedRule.of(r.rule())).toList();
                groups.add(new ProvisionedRuleGroup(1L, group.name(), folderTitle, group.interval(), groupRules));
            }
            List<ProvisionedContactPoint> points = contactPoints.listInTx(tx, env).stream()
                    .map(c -> ProvisionedContactPoint.of(new ContactPoint(c.uid(), c.name(),
                            contactPoints.integrationsForExport(tx, env, c, decrypt))))
                    .toList();
            PolicyTree tree = policies.treeInTx(tx, env);
            List<ProvisionedPolicy> policyList = tree.root() == null ? List.of() : List.of(ProvisionedPolicy.of(tree.tree()));
            List<ProvisionedMuteTiming> mutes = muteTimings.listInTx(tx, env).stream()
                    .map(m -> ProvisionedMuteTiming.of(m.timing())).toList();
            List<ProvisionedTemplate> texts = templates.listInTx(tx, env).stream()
                    .map(t -> ProvisionedTemplate.of(t.template())).toList();
            return ProvisioningFile.export(groups, points, policyList, mutes, texts).sorted();
        });
    }

    /** Applies {@code file} to {@code env}; with {@code dryRun} nothing is kept. */
    public ImportResult importFile(String env, ProvisioningFile file, boolean dryRun) {
        try {
            return db.write(tx -> {
                environments.requireExists(tx, env);
                ImportResult result = apply(tx, AuditRecorder.of(tx), env, file, dryRun);
                // an import through the API may not change what provisioning files own (rolls the import back)
                for (ImportChange change : result.changes()) {
                    if (!change.action().equals("unchanged")) {
                        provisioned.requireWritable(tx, env, change.kind(), change.id());
                    }
                }
                if (dryRun) {
                    throw new DryRun(result);
                }
                return result;
            });
        } catch (DryRun rolledBack) {
            return rolledBack.result;
        }
    }

    ImportResult apply(DSLContext tx, AuditRecorder audit, String env, ProvisioningFile file, boolean dryRun) {
        ValidationReport report = validator.validate(file, "", lookups.datasources(tx, env), lookups.notifications(tx, env),
                environments.validationMode(tx, env));
        Reports.requireValid(report);
        List<ImportChange> changes = new ArrayList<>();

        each(file.deleteRules(), (i, deletion) -> ruleRepository.find(tx, env, deletion.uid()).ifPresent(rule -> {
            audit.deleted(ruleRepository.delete(tx, env, rule.uid()));
            changes.add(new ImportChange("alert-rule", rule.uid(), "deleted"));
        }));
        each(file.templates(), (i, t) -> {
            AlertingWrite<StoredTemplate> w = templates.putInTx(tx, audit, env, t.toMessageTemplate(), ExpectedVersion.NONE,
                    "/templates/" + i);
            changes.add(change("template", t.name(), w));
        });
        each(file.muteTimes(), (i, m) -> {
            AlertingWrite<StoredMuteTiming> w = muteTimings.upsertByNameInTx(tx, audit, env, m.toMuteTiming(), ExpectedVersion.NONE,
                    "/muteTimes/" + i);
            changes.add(change("mute-timing", w.value().uid(), w));
        });
        each(file.contactPoints(), (i, c) -> {
            String uid = contactPoints.findByName(tx, env, c.name()).map(StoredContactPoint::uid)
                    .orElseGet(() -> contactPoints.newUid(tx, env, c.name()));
            ContactPoint point = c.toContactPoint();
            AlertingWrite<StoredContactPoint> w = contactPoints.writeInTx(tx, audit, env,
                    new ContactPoint(uid, point.name(), point.integrations()), ExpectedVersion.NONE, "/contactPoints/" + i, "receivers");
            changes.add(change("contact-point", uid, w));
        });
        if (file.resetPolicies() != null && !file.resetPolicies().isEmpty()) {
            policies.resetInTx(tx, audit, env);
            changes.add(new ImportChange("notification-policy", env, "deleted"));
        }
        each(file.policies(), (i, p) -> {
            boolean replaced = policies.replaceTreeInTx(tx, audit, env, p.policy(), "/policies/" + i);
            changes.add(new ImportChange("notification-policy", env, replaced ? "updated" : "unchanged"));
        });
        Map<String, String> folderUids = new HashMap<>();
        each(file.groups(), (g, group) -> {
            String at = "/groups/" + g;
            String folderUid = folderUids.computeIfAbsent(group.folder(),
                    title -> resolveFolder(tx, audit, env, title, at + "/folder", changes));
            AlertingWrite<StoredRuleGroup> gw = ruleGroups.putInTx(tx, audit, env, group.toRuleGroup(folderUid),
                    ExpectedVersion.NONE, at);
            changes.add(change("rule-group", folderUid + "/" + group.name(), gw));
            each(group.rules(), (r, rule) -> {
                AlertingWrite<StoredAlertRule> rw = rules.writeInTx(tx, audit, env, rule.toAlertRule(folderUid, group.name()),
                        ExpectedVersion.NONE, (long) r, at + "/rules/" + r, "Imported");
                changes.add(change("alert-rule", rule.uid(), rw));
            });
        });
        each(file.deleteContactPoints(), (i, deletion) -> contactPointFor(tx, env, deletion).ifPresent(point -> {
            contactPoints.deleteInTx(tx, audit, env, point, ExpectedVersion.NONE);
            changes.add(new ImportChange("contact-point", point.uid(), "deleted"));
        }));
        each(file.deleteMuteTimes(), (i, deletion) -> muteTimings.findByName(tx, env, deletion.name()).ifPresent(timing -> {
            muteTimings.deleteInTx(tx, audit, env, timing, ExpectedVersion.NONE);
            changes.add(new ImportChange("mute-timing", timing.uid(), "deleted"));
        }));
        each(file.deleteTemplates(), (i, deletion) -> deleteTemplate(tx, audit, env, deletion, changes));
        return new ImportResult(dryRun, changes, report.warnings());
    }

    private void deleteTemplate(DSLContext tx, AuditRecorder audit, String env, NameDeletion deletion,
                                List<ImportChange> changes) {
        if (templates.findInTx(tx, env, deletion.name()).isPresent()) {
            templates.deleteInTx(tx, audit, env, deletion.name(), ExpectedVersion.NONE);
            changes.add(new ImportChange("template", deletion.name(), "deleted"));
        }
    }

    /** Grafana deletes contact points by the uid of an integration; Dashplane also accepts the contact point uid. */
    private Optional<StoredContactPoint> contactPointFor(DSLContext tx, String env, UidDeletion deletion) {
        return contactPoints.listInTx(tx, env).stream()
                .filter(c -> c.uid().equals(deletion.uid())
                        || c.integrations().stream().anyMatch(i -> deletion.uid().equals(i.uid())))
                .findFirst();
    }

    /** A folder uid for a file's {@code folder}: a folder with that uid, else the one folder with that title, else a new root folder. */
    private String resolveFolder(DSLContext tx, AuditRecorder audit, String env, String folder, String at,
                                 List<ImportChange> changes) {
        if (Uid.isValid(folder) && folders.exists(tx, env, folder)) {
            return folder;
        }
        List<String> withTitle = FolderTitles.uidsWithTitle(tx, env, folder);
        if (withTitle.size() == 1) {
            return withTitle.get(0);
        }
        if (withTitle.size() > 1) {
            throw DomainException.invalid(at, "folder title '" + folder + "' is ambiguous: folders " + String.join(", ", withTitle)
                    + " have it; name the folder by uid");
        }
        ObjectMeta meta = ObjectMeta.first();
        String uid = Uid.generate();
        folders.insert(tx, env, new Folder(uid, folder, null, meta.version(), meta.createdAt(), meta.updatedAt()));
        folders.row(tx, env, uid).ifPresent(audit::created);
        changes.add(new ImportChange("folder", uid, "created"));
        return uid;
    }

    private static ImportChange change(String kind, String id, AlertingWrite<?> write) {
        return new ImportChange(kind, id, write.outcome().name().toLowerCase(java.util.Locale.ROOT));
    }

    private interface IndexedAction<T> {
        void accept(int index, T item);
    }

    private static <T> void each(List<T> items, IndexedAction<T> action) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            action.accept(i, items.get(i));
        }
    }

    /** Thrown out of the write transaction to roll a dry run back. */
    private static final class DryRun extends RuntimeException {
        private final transient ImportResult result;

        DryRun(ImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
