package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.RuleGroup;
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
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Rule groups: a folder, a name unique in the folder, an evaluation interval (positive multiple of 10 s). */
public final class RuleGroupService {
    private final Database db;
    private final EnvironmentService environments;
    private final RuleGroupRepository groups;
    private final AlertRuleRepository rules;
    private final FolderRepository folders;
    private final RuleGroupValidator validator = new RuleGroupValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    public RuleGroupService(Database db, EnvironmentService environments, RuleGroupRepository groups,
                            AlertRuleRepository rules, FolderRepository folders, io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.groups = groups;
        this.rules = rules;
        this.folders = folders;
    }

    public Page<RuleGroupView> list(String env, String folderUid, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            List<RuleGroupView> all = groups.list(tx, env, folderUid).stream().map(g -> view(tx, env, g)).toList();
            return Pages.slice(all, page);
        });
    }

    public RuleGroupView get(String env, String folderUid, String name) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return view(tx, env, groups.find(tx, env, folderUid, name).orElseThrow(() -> notFound(folderUid, name)));
        });
    }

    /** PUT by folder uid and name: creates or changes the interval. */
    public AlertingWrite<RuleGroupView> put(String env, String folderUid, String name, RuleGroup body,
                                            ExpectedVersion expected) {
        if (body.folderUid() != null && !body.folderUid().equals(folderUid)) {
            throw DomainException.invalid("/folderUid", "folderUid in the body differs from the folder in the path");
        }
        if (body.name() != null && !body.name().equals(name)) {
            throw DomainException.invalid("/name", "name in the body differs from the name in the path");
        }
        RuleGroup group = new RuleGroup(folderUid, name, body.interval());
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, "rule-group", folderUid + "/" + name);
            AlertingWrite<StoredRuleGroup> write = putInTx(tx, AuditRecorder.of(tx), env, group, expected, "");
            return write.map(stored -> view(tx, env, stored));
        });
    }

    AlertingWrite<StoredRuleGroup> putInTx(DSLContext tx, AuditRecorder audit, String env, RuleGroup group,
                                           ExpectedVersion expected, String at) {
        ValidationReport report = Reports.requireValid(validator.validate(group, at));
        if (!folders.exists(tx, env, group.folderUid())) {
            throw DomainException.invalid(at + "/folderUid", "folder '" + group.folderUid() + "' does not exist in this environment");
        }
        Optional<StoredRuleGroup> current = groups.find(tx, env, group.folderUid(), group.name());
        Versions.check(expected, current.map(g -> g.meta().version()).orElse(null), describe(group.folderUid(), group.name()));
        if (current.isEmpty()) {
            StoredRuleGroup created = new StoredRuleGroup(group.folderUid(), group.name(), group.interval(), ObjectMeta.first());
            groups.insert(tx, env, created);
            groups.row(tx, env, group.folderUid(), group.name()).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        if (current.get().interval().equals(group.interval())) {
            return AlertingWrite.unchanged(current.get(), report.warnings());
        }
        StoredRuleGroup updated = new StoredRuleGroup(group.folderUid(), group.name(), group.interval(),
                current.get().meta().next());
        groups.update(tx, env, updated);
        groups.row(tx, env, group.folderUid(), group.name()).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    /** Deletes a group; with rules in it only when {@code force} (the rules and their history go too). */
    public void delete(String env, String folderUid, String name, boolean force, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            StoredRuleGroup current = groups.find(tx, env, folderUid, name).orElseThrow(() -> notFound(folderUid, name));
            provisioned.requireWritable(tx, env, "rule-group", folderUid + "/" + name);
            Versions.check(expected, current.meta().version(), describe(folderUid, name));
            List<String> ruleUids = rules.uidsInGroup(tx, env, folderUid, name);
            if (!force && !ruleUids.isEmpty()) {
                throw DomainException.conflict(describe(folderUid, name) + " holds " + ruleUids.size()
                        + " rules; delete them first or use force=true", java.util.Map.of("rules", ruleUids));
            }
            AuditRecorder.of(tx).deleted(groups.delete(tx, env, folderUid, name));
            return null;
        });
    }

    private RuleGroupView view(DSLContext tx, String env, StoredRuleGroup group) {
        return new RuleGroupView(group, rules.uidsInGroup(tx, env, group.folderUid(), group.name()));
    }

    static String describe(String folderUid, String name) {
        return "rule group '" + name + "' in folder '" + folderUid + "'";
    }

    private static DomainException notFound(String folderUid, String name) {
        return DomainException.notFound(describe(folderUid, name) + " does not exist");
    }
}
