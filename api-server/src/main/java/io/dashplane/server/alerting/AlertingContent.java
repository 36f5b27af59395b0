package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.alerting.RuleGroup;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.bundle.BundleRuleGroup;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.storage.ExpectedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Whole-environment alerting reads and writes inside the caller's transaction, for promotion, bundle
 * export/import and provisioning ({@code io.dashplane.server.promotion}). Writes go through the services'
 * validation; version preconditions are the caller's business (plans check them before writing).
 */
public final class AlertingContent {
    private final AlertingServices alerting;
    private final RuleGroupRepository groups = new RuleGroupRepository();

    public AlertingContent(AlertingServices alerting) {
        this.alerting = alerting;
    }

    /** Every rule group with its rules in evaluation order. */
    public List<BundleRuleGroup> ruleGroups(DSLContext tx, String env) {
        List<BundleRuleGroup> out = new ArrayList<>();
        for (StoredRuleGroup g : groups.list(tx, env, null)) {
            List<AlertRule> rules = alerting.ruleRepository().list(tx, env, g.folderUid(), g.name()).stream()
                    .map(StoredAlertRule::rule).toList();
            out.add(new BundleRuleGroup(g.folderUid(), g.name(), g.interval(), rules));
        }
        return out;
    }

    public Optional<Long> ruleGroupVersion(DSLContext tx, String env, String folderUid, String name) {
        return groups.find(tx, env, folderUid, name).map(g -> g.meta().version());
    }

    /** Contact points with secrets redacted ({@code decrypt} false) or in clear (server-side copies only). */
    public List<ContactPoint> contactPoints(DSLContext tx, String env, boolean decrypt) {
        return alerting.contactPoints().listInTx(tx, env).stream().map(c -> new ContactPoint(c.uid(), c.name(),
                alerting.contactPoints().integrationsForExport(tx, env, c, decrypt))).toList();
    }

    public Optional<Long> contactPointVersion(DSLContext tx, String env, String name) {
        return alerting.contactPoints().listInTx(tx, env).stream().filter(c -> c.name().equals(name))
                .map(c -> c.meta().version()).findFirst();
    }

    public Optional<String> contactPointUid(DSLContext tx, String env, String name) {
        return alerting.contactPoints().listInTx(tx, env).stream().filter(c -> c.name().equals(name))
                .map(StoredContactPoint::uid).findFirst();
    }

    public Optional<String> muteTimingUid(DSLContext tx, String env, String name) {
        return alerting.muteTimings().listInTx(tx, env).stream().filter(m -> m.timing().name().equals(name))
                .map(StoredMuteTiming::uid).findFirst();
    }

    public List<MuteTiming> muteTimings(DSLContext tx, String env) {
        return alerting.muteTimings().listInTx(tx, env).stream().map(StoredMuteTiming::timing).toList();
    }

    public List<MessageTemplate> templates(DSLContext tx, String env) {
        return alerting.templates().listInTx(tx, env).stream().map(StoredTemplate::template).toList();
    }

    /** The notification policy tree, or null when the environment has none. */
    public Route policies(DSLContext tx, String env) {
        PolicyTree tree = alerting.policies().treeInTx(tx, env);
        return tree.root() == null ? null : tree.tree();
    }

    public void writeTemplate(DSLContext tx, AuditRecorder audit, String env, MessageTemplate template, String at) {
        alerting.templates().putInTx(tx, audit, env, template, ExpectedVersion.NONE, at);
    }

    public void writeMuteTiming(DSLContext tx, AuditRecorder audit, String env, MuteTiming timing, String at) {
        alerting.muteTimings().upsertByNameInTx(tx, audit, env, timing, ExpectedVersion.NONE, at);
    }

    /** Writes by name: the uid of a same-named contact point in {@code env} wins over the given one. */
    public long writeContactPoint(DSLContext tx, AuditRecorder audit, String env, ContactPoint contactPoint,
                                  String at) {
        String uid = alerting.contactPoints().listInTx(tx, env).stream().filter(c -> c.name().equals(contactPoint.name()))
                .map(StoredContactPoint::uid).findFirst().orElse(contactPoint.uid());
        return alerting.contactPoints().writeInTx(tx, audit, env, new ContactPoint(uid, contactPoint.name(),
                contactPoint.integrations()), ExpectedVersion.NONE, at, "integrations").value().meta().version();
    }

    public void writePolicies(DSLContext tx, AuditRecorder audit, String env, Route tree, String at) {
        alerting.policies().replaceTreeInTx(tx, audit, env, tree, at);
    }

    /**
     * Applies a Grafana alerting provisioning file (with its delete forms) inside the caller's transaction; the
     * objects written or deleted, with kinds alert-rule, rule-group, contact-point, mute-timing, template,
     * notification-policy, folder.
     */
    public List<ImportChange> provision(DSLContext tx, AuditRecorder audit, String env, ProvisioningFile file) {
        return alerting.transfer().apply(tx, audit, env, file, false).changes();
    }

    /** Writes the group and its rules in order; rules of the group that are not in {@code group} are deleted. */
    public long writeRuleGroup(DSLContext tx, AuditRecorder audit, String env, BundleRuleGroup group, String at,
                               String message) {
        alerting.ruleGroups().putInTx(tx, audit, env, new RuleGroup(group.folderUid(), group.name(), group.interval()),
                ExpectedVersion.NONE, at);
        List<AlertRule> rules = group.rules() == null ? List.of() : group.rules();
        List<String> keep = rules.stream().map(AlertRule::uid).toList();
        for (String uid : alerting.ruleRepository().uidsInGroup(tx, env, group.folderUid(), group.name())) {
            if (!keep.contains(uid)) {
                audit.deleted(alerting.ruleRepository().delete(tx, env, uid));
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            alerting.rules().writeInTx(tx, audit, env, rules.get(i).inGroup(group.folderUid(), group.name()),
                    ExpectedVersion.NONE, (long) i, at + "/rules/" + i, message);
        }
        return groups.find(tx, env, group.folderUid(), group.name()).map(g -> g.meta().version()).orElse(0L);
    }
}
