package io.dashplane.server.promotion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.alerting.SecretSettings;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleRuleGroup;
import io.dashplane.server.alerting.AlertingContent;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.bundle.BundleFolder;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.datasource.DatasourceRepository;
import io.dashplane.server.datasource.DatasourceRequest;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.provenance.ProvisionedObjects;
import io.dashplane.server.storage.ExpectedVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Executes a plan inside one write transaction: first checks that every object of the target still has the
 * version the plan saw (else a 409 listing the stale objects), then writes datasources, folders (parents first),
 * dashboards, and finally deletions (dashboards, folders deepest first, datasources). Any failure rolls back all.
 */
public final class PlanApplier {
    /** The secrets a datasource item gets; null keeps the target's (updates) or none (creates). */
    public interface SecretSource {
        Map<String, String> secretsFor(PlanItem datasourceItem);

        /** Secret settings of a contact point item by {@code "<integration index>/<dotted key>"}; null for none. */
        default Map<String, String> contactPointSecrets(DSLContext tx, PlanItem contactPointItem) {
            return null;
        }
    }

    private final DatasourceService datasourceService;
    private final FolderService folderService;
    private final DashboardService dashboardService;
    private final DatasourceRepository datasources;
    private final FolderRepository folders;
    private final DashboardRepository dashboards;
    private final ProvisionedObjects provisioned;
    private final PlanBuilder builder;
    private final AlertingContent alerting;
    private final ObjectMapper mapper;

    public PlanApplier(DatasourceService datasourceService, FolderService folderService, DashboardService dashboardService,
                       DatasourceRepository datasources, FolderRepository folders, DashboardRepository dashboards,
                       ProvisionedObjects provisioned, PlanBuilder builder, AlertingContent alerting,
                       ObjectMapper mapper) {
        this.datasourceService = datasourceService;
        this.folderService = folderService;
        this.dashboardService = dashboardService;
        this.datasources = datasources;
        this.folders = folders;
        this.dashboards = dashboards;
        this.provisioned = provisioned;
        this.builder = builder;
        this.alerting = alerting;
        this.mapper = mapper;
    }

    public List<AppliedObject> apply(DSLContext tx, AuditRecorder audit, ChangePlan plan, SecretSource secrets,
                                     String message) {
        String env = plan.target();
        requireCurrent(tx, env, plan.items());
        for (PlanItem item : plan.items()) {
            if (item.changes()) {
                requireWritable(tx, env, item);
            }
        }
        List<AppliedObject> applied = new ArrayList<>();
        for (PlanItem item : changes(plan, PlanItem.DATASOURCE, false)) {
            BundleDatasource ds = read(item, BundleDatasource.class);
            Map<String, String> given = secrets.secretsFor(item);
            if (given != null && PlanItem.UPDATE.equals(item.action())) {
                // given secrets replace those keys only; the datasource keeps its other secrets
                Map<String, String> merged = new java.util.TreeMap<>(datasourceService.decryptSecrets(env, item.uid()));
                merged.putAll(given);
                given = merged;
            }
            var written = datasourceService.writeInTransaction(tx, audit, env, item.uid(),
                    new DatasourceRequest(ds.uid(), ds.name(), ds.type(), ds.access(), ds.url(), ds.basicAuth(),
                            ds.basicAuthUser(), ds.user(), ds.database(), ds.withCredentials(), ds.isDefault(),
                            ds.readOnly(), ds.jsonData() instanceof ObjectNode o ? o : null, given, null));
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), written.version()));
        }
        List<PlanItem> pendingFolders = new ArrayList<>(changes(plan, PlanItem.FOLDER, false));
        while (!pendingFolders.isEmpty()) {
            PlanItem next = pendingFolders.stream().filter(i -> {
                String parent = read(i, BundleFolder.class).parentUid();
                return parent == null || folders.exists(tx, env, parent);
            }).findFirst().orElse(pendingFolders.get(0));
            pendingFolders.remove(next);
            BundleFolder f = read(next, BundleFolder.class);
            var written = folderService.writeInTransaction(tx, audit, env, f.uid(), f.title(), f.parentUid());
            applied.add(new AppliedObject(next.kind(), next.uid(), next.action(), written.version()));
        }
        for (PlanItem item : changes(plan, PlanItem.DASHBOARD, false)) {
            BundleDashboard d = read(item, BundleDashboard.class);
            var written = dashboardService.writeInTransaction(tx, audit, env, item.uid(),
                    new DashboardWrite(d.dashboard(), d.folderUid(), message, ExpectedVersion.NONE),
                    DashboardService.PROVENANCE_API);
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), written.version()));
        }
        for (PlanItem item : changes(plan, PlanItem.TEMPLATE, false)) {
            alerting.writeTemplate(tx, audit, env, read(item, MessageTemplate.class), "/templates/" + item.uid());
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        for (PlanItem item : changes(plan, PlanItem.MUTE_TIMING, false)) {
            alerting.writeMuteTiming(tx, audit, env, read(item, MuteTiming.class), "/muteTimings/" + item.uid());
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        for (PlanItem item : changes(plan, PlanItem.CONTACT_POINT, false)) {
            ContactPoint point = withSecrets(tx, env, read(item, ContactPoint.class), secrets.contactPointSecrets(tx, item));
            long version = alerting.writeContactPoint(tx, audit, env, point, "/contactPoints/" + item.uid());
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), version));
        }
        for (PlanItem item : changes(plan, PlanItem.POLICIES, false)) {
            alerting.writePolicies(tx, audit, env, read(item, Route.class), "/policies");
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        for (PlanItem item : changes(plan, PlanItem.RULE_GROUP, false)) {
            long version = alerting.writeRuleGroup(tx, audit, env, read(item, BundleRuleGroup.class),
                    "/ruleGroups/" + item.uid(), message);
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), version));
        }
        for (PlanItem item : changes(plan, PlanItem.DASHBOARD, true)) {
            if (dashboards.currentVersion(tx, env, item.uid()).isPresent()) {
                audit.deleted(dashboards.delete(tx, env, item.uid()));
            }
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        List<PlanItem> folderDeletions = new ArrayList<>(changes(plan, PlanItem.FOLDER, true));
        folderDeletions.sort(Comparator.comparingInt((PlanItem i) -> folders.ancestors(tx, env, i.uid(), 64).size()).reversed());
        for (PlanItem item : folderDeletions) {
            if (folders.exists(tx, env, item.uid())) {
                audit.deleted(folders.delete(tx, env, item.uid()));
            }
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        for (PlanItem item : changes(plan, PlanItem.DATASOURCE, true)) {
            audit.deleted(datasources.delete(tx, env, item.uid()));
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        return applied;
    }

    /** Provisioned objects are recorded under the alerting import's kinds and ids (uids for contact points). */
    private void requireWritable(DSLContext tx, String env, PlanItem item) {
        switch (item.kind()) {
            case PlanItem.RULE_GROUP -> provisioned.requireWritable(tx, env, "rule-group", item.uid());
            case PlanItem.TEMPLATE -> provisioned.requireWritable(tx, env, "template", item.uid());
            case PlanItem.POLICIES -> provisioned.requireWritable(tx, env, "notification-policy", env);
            case PlanItem.CONTACT_POINT -> alerting.contactPointUid(tx, env, item.uid())
                    .ifPresent(uid -> provisioned.requireWritable(tx, env, "contact-point", uid));
            case PlanItem.MUTE_TIMING -> alerting.muteTimingUid(tx, env, item.uid())
                    .ifPresent(uid -> provisioned.requireWritable(tx, env, "mute-timing", uid));
            default -> provisioned.requireWritable(tx, env, item.kind(), item.uid());
        }
        if (PlanItem.RULE_GROUP.equals(item.kind()) && item.desired() != null) {
            BundleRuleGroup group = read(item, BundleRuleGroup.class);
            for (var rule : group.rules() == null ? List.<io.dashplane.schema.alerting.AlertRule>of() : group.rules()) {
                provisioned.requireWritable(tx, env, "alert-rule", rule.uid());
            }
        }
    }

    /** Every object of the plan, changed or not, must still be at the version the plan saw. */
    private void requireCurrent(DSLContext tx, String env, List<PlanItem> items) {
        List<Map<String, Object>> stale = new ArrayList<>();
        Map<String, com.fasterxml.jackson.databind.JsonNode> currentAlerting = items.stream()
                .anyMatch(i -> PlanItem.isAlerting(i.kind())) ? builder.currentAlerting(tx, env) : Map.of();
        for (PlanItem item : items) {
            if (PlanItem.isAlerting(item.kind())) {
                String digest = PlanBuilder.digest(currentAlerting.get(PlanBuilder.key(item.kind(), item.uid())));
                if (!Objects.equals(digest, item.targetDigest())) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("kind", item.kind());
                    s.put("uid", item.uid());
                    s.put("planVersion", item.targetVersion());
                    s.put("currentVersion", digest == null ? null : "changed");
                    stale.add(s);
                }
                continue;
            }
            Long now = currentVersion(tx, env, item.kind(), item.uid()).orElse(null);
            if (!Objects.equals(now, item.targetVersion())) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("kind", item.kind());
                s.put("uid", item.uid());
                s.put("planVersion", item.targetVersion());
                s.put("currentVersion", now);
                stale.add(s);
            }
        }
        if (!stale.isEmpty()) {
            Map<String, Object> first = stale.get(0);
            throw DomainException.conflict("the target environment '" + env + "' changed after the plan was computed ("
                    + first.get("kind") + " '" + first.get("uid") + "' is at version " + first.get("currentVersion")
                    + ", the plan saw " + first.get("planVersion") + "); compute a new plan",
                    Map.of("stale", stale));
        }
    }

    private Optional<Long> currentVersion(DSLContext tx, String env, String kind, String uid) {
        return switch (kind) {
            case PlanItem.DATASOURCE -> datasources.find(tx, env, uid).map(d -> d.version());
            case PlanItem.FOLDER -> folders.find(tx, env, uid).map(f -> f.version());
            case PlanItem.DASHBOARD -> dashboards.currentVersion(tx, env, uid);
            case PlanItem.RULE_GROUP, PlanItem.CONTACT_POINT, PlanItem.POLICIES, PlanItem.MUTE_TIMING,
                    PlanItem.TEMPLATE -> Optional.empty();
            default -> throw new IllegalStateException("unknown kind " + kind);
        };
    }

    /**
     * The contact point with secret settings: given ones ({@code "<index>/<key>"}), else placeholders for the
     * secrets the target already stores for that integration, so that they are kept.
     */
    private ContactPoint withSecrets(DSLContext tx, String env, ContactPoint point, Map<String, String> given) {
        ContactPoint current = alerting.contactPoints(tx, env, false).stream()
                .filter(c -> c.name().equals(point.name())).findFirst().orElse(null);
        List<Integration> out = new ArrayList<>();
        List<Integration> integrations = point.integrations() == null ? List.of() : point.integrations();
        for (int i = 0; i < integrations.size(); i++) {
            Integration in = integrations.get(i);
            Map<String, String> secrets = new LinkedHashMap<>();
            if (current != null && current.integrations() != null && i < current.integrations().size()
                    && Objects.equals(current.integrations().get(i).type(), in.type())) {
                secrets.putAll(SecretSettings.split(in.type(), current.integrations().get(i).settings()).secrets());
            }
            if (given != null) {
                String prefix = i + "/";
                given.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        secrets.put(k.substring(prefix.length()), v);
                    }
                });
            }
            out.add(secrets.isEmpty() ? in : in.withSettings(SecretSettings.merge(in.settings(), secrets)));
        }
        return new ContactPoint(point.uid(), point.name(), out);
    }

    private static List<PlanItem> changes(ChangePlan plan, String kind, boolean deletions) {
        return plan.items().stream().filter(i -> i.kind().equals(kind) && i.changes()
                && PlanItem.DELETE.equals(i.action()) == deletions).toList();
    }

    private <T> T read(PlanItem item, Class<T> type) {
        try {
            return io.dashplane.schema.json.Json.treeToValue(mapper, item.desired(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt plan item " + item.kind() + " " + item.uid(), e);
        }
    }
}
