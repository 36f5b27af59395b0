package io.dashplane.server.alerting;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.AlertRuleValidator;
import io.dashplane.schema.alerting.FindingCollector;
import io.dashplane.schema.alerting.RuleGroupValidator;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Versions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Alert and recording rules, each addressed by uid. A rule lives in an existing rule group; writing it with
 * another folder or group moves it (uid and history stay). Titles are unique within a folder.
 */
public final class AlertRuleService {
    private final Database db;
    private final EnvironmentService environments;
    private final AlertRuleRepository rules;
    private final RuleGroupRepository groups;
    private final FolderRepository folders;
    private final AlertingLookups lookups;
    private final AlertRuleValidator validator = new AlertRuleValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    public AlertRuleService(Database db, EnvironmentService environments, AlertRuleRepository rules,
                            RuleGroupRepository groups, FolderRepository folders, AlertingLookups lookups,
                            io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.rules = rules;
        this.groups = groups;
        this.folders = folders;
        this.lookups = lookups;
    }

    public Page<StoredAlertRule> list(String env, String folderUid, String ruleGroup, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return Pages.slice(rules.list(tx, env, folderUid, ruleGroup), page);
        });
    }

    public StoredAlertRule get(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return rules.find(tx, env, uid).orElseThrow(() -> notFound(uid));
        });
    }

    /** POST: creates; 409 when the uid is taken. */
    public AlertingWrite<StoredAlertRule> create(String env, AlertRule rule) {
        AlertRule withUid = rule.uid() == null ? rule.withUid(Uid.generate()) : rule;
        return db.write(tx -> {
            environments.requireExists(tx, env);
            if (rules.find(tx, env, withUid.uid()).isPresent()) {
                throw DomainException.conflict("alert rule '" + withUid.uid() + "' already exists");
            }
            return writeInTx(tx, AuditRecorder.of(tx), env, withUid, ExpectedVersion.NONE, null, "", "");
        });
    }

    /** PUT: creates or replaces (and moves, when folder or group differ). */
    public AlertingWrite<StoredAlertRule> put(String env, String uid, AlertRule rule, ExpectedVersion expected) {
        if (!Uid.isValid(uid)) {
            throw DomainException.invalid("/uid", "uid must be 1-40 characters of [A-Za-z0-9_-]");
        }
        if (rule.uid() != null && !rule.uid().equals(uid)) {
            throw DomainException.invalid("/uid", "uid in the body differs from the uid in the path");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, "alert-rule", uid);
            return writeInTx(tx, AuditRecorder.of(tx), env, rule.withUid(uid), expected, null, "", "");
        });
    }

    /**
     * Validates and writes {@code rule} (uid set) in {@code tx}. {@code position} null keeps the rule's place
     * in its group (or appends it when it is new there). Pointers in findings start with {@code at}.
     */
    AlertingWrite<StoredAlertRule> writeInTx(DSLContext tx, AuditRecorder audit, String env, AlertRule rule,
                                             ExpectedVersion expected, Long position, String at, String message) {
        ValidationReport report = validate(tx, env, rule, at);
        Optional<StoredAlertRule> current = rules.find(tx, env, rule.uid());
        Versions.check(expected, current.map(r -> r.meta().version()).orElse(null), "alert rule '" + rule.uid() + "'");
        rules.uidWithTitle(tx, env, rule.folderUID(), rule.title()).filter(other -> !other.equals(rule.uid()))
                .ifPresent(other -> {
                    throw DomainException.conflict("alert rule '" + other + "' in folder '" + rule.folderUID()
                            + "' already has the title '" + rule.title() + "'", Map.of("conflictingUid", other));
                });
        if (current.isEmpty()) {
            long pos = position != null ? position : rules.nextPosition(tx, env, rule.folderUID(), rule.ruleGroup());
            StoredAlertRule created = new StoredAlertRule(rule, pos, ObjectMeta.first());
            rules.save(tx, env, created, true, message);
            rules.row(tx, env, rule.uid()).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        StoredAlertRule old = current.get();
        boolean sameGroup = Objects.equals(old.rule().folderUID(), rule.folderUID())
                && Objects.equals(old.rule().ruleGroup(), rule.ruleGroup());
        long pos = position != null ? position
                : sameGroup ? old.position() : rules.nextPosition(tx, env, rule.folderUID(), rule.ruleGroup());
        if (old.rule().equals(rule) && pos == old.position()) {
            return AlertingWrite.unchanged(old, report.warnings());
        }
        StoredAlertRule updated = new StoredAlertRule(rule, pos, old.meta().next());
        rules.save(tx, env, updated, false, message);
        rules.row(tx, env, rule.uid()).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    private ValidationReport validate(DSLContext tx, String env, AlertRule rule, String at) {
        FindingCollector findings = new FindingCollector(at);
        validator.validate(rule, findings, lookups.datasources(tx, env), lookups.notifications(tx, env), true,
                environments.validationMode(tx, env));
        Reports.requireValid(findings.report());
        if (!folders.exists(tx, env, rule.folderUID())) {
            throw DomainException.invalid(at + "/folderUID", "folder '" + rule.folderUID() + "' does not exist in this environment");
        }
        StoredRuleGroup group = groups.find(tx, env, rule.folderUID(), rule.ruleGroup()).orElseThrow(() ->
                DomainException.invalid(at + "/ruleGroup", RuleGroupService.describe(rule.folderUID(), rule.ruleGroup())
                        + " does not exist; create it first (PUT .../rule-groups/{folderUid}/{name})"));
        RuleGroupValidator.pendingPeriodAgainstInterval(rule.pendingPeriod(), group.interval(), findings);
        return findings.report();
    }

    public void delete(String env, String uid, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            StoredAlertRule current = rules.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            provisioned.requireWritable(tx, env, "alert-rule", uid);
            Versions.check(expected, current.meta().version(), "alert rule '" + uid + "'");
            AuditRecorder.of(tx).deleted(rules.delete(tx, env, uid, current.meta().version()));
            return null;
        });
    }

    public Page<AlertRuleVersion> versions(String env, String uid, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            rules.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            return Page.of(rules.versions(tx, env, uid, page.offset(), page.perPage()), rules.countVersions(tx, env, uid), page);
        });
    }

    public AlertRuleVersion version(String env, String uid, long version) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            rules.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            return rules.version(tx, env, uid, version)
                    .orElseThrow(() -> DomainException.notFound("alert rule '" + uid + "' has no version " + version));
        });
    }

    /** Writes version {@code version}'s content as a new version; the rule stays in its current group. */
    public AlertingWrite<StoredAlertRule> restore(String env, String uid, long version, ExpectedVersion expected) {
        return db.write(tx -> {
            AuditRecorder audit = AuditRecorder.of(tx);
            environments.requireExists(tx, env);
            StoredAlertRule current = rules.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            provisioned.requireWritable(tx, env, "alert-rule", uid);
            AlertRuleVersion old = rules.version(tx, env, uid, version)
                    .orElseThrow(() -> DomainException.notFound("alert rule '" + uid + "' has no version " + version));
            AlertRule restored = old.rule().inGroup(current.rule().folderUID(), current.rule().ruleGroup());
            AlertingWrite<StoredAlertRule> write = writeInTx(tx, audit, env, restored, expected, null, "",
                    "Restored from version " + version);
            if (write.outcome() == AlertingWrite.Outcome.UNCHANGED) {
                // Identical content: still record the restore as a new version, like dashboards do.
                StoredAlertRule bumped = new StoredAlertRule(restored, current.position(), current.meta().next());
                rules.save(tx, env, bumped, false, "Restored from version " + version);
                rules.row(tx, env, uid).ifPresent(audit::updated);
                return AlertingWrite.updated(bumped, write.warnings());
            }
            return write;
        });
    }

    private static DomainException notFound(String uid) {
        return DomainException.notFound("alert rule '" + uid + "' does not exist");
    }
}
