package io.dashplane.server.promotion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.bundle.BundleFolder;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.datasource.DatasourceRepository;
import io.dashplane.server.datasource.DatasourceRequest;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.provisioning.ProvisionedObjects;
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
    }

    private final DatasourceService datasourceService;
    private final FolderService folderService;
    private final DashboardService dashboardService;
    private final DatasourceRepository datasources;
    private final FolderRepository folders;
    private final DashboardRepository dashboards;
    private final ProvisionedObjects provisioned;
    private final ObjectMapper mapper;

    public PlanApplier(DatasourceService datasourceService, FolderService folderService, DashboardService dashboardService,
                       DatasourceRepository datasources, FolderRepository folders, DashboardRepository dashboards,
                       ProvisionedObjects provisioned, ObjectMapper mapper) {
        this.datasourceService = datasourceService;
        this.folderService = folderService;
        this.dashboardService = dashboardService;
        this.datasources = datasources;
        this.folders = folders;
        this.dashboards = dashboards;
        this.provisioned = provisioned;
        this.mapper = mapper;
    }

    public List<AppliedObject> apply(DSLContext tx, ChangePlan plan, SecretSource secrets, String message) {
        String env = plan.target();
        requireCurrent(tx, env, plan.items());
        for (PlanItem item : plan.items()) {
            if (item.changes()) {
                provisioned.requireWritable(tx, env, item.kind(), item.uid());
            }
        }
        List<AppliedObject> applied = new ArrayList<>();
        for (PlanItem item : changes(plan, PlanItem.DATASOURCE, false)) {
            BundleDatasource ds = read(item, BundleDatasource.class);
            var written = datasourceService.writeInTransaction(tx, env, item.uid(), new DatasourceRequest(ds.uid(),
                    ds.name(), ds.type(), ds.access(), ds.url(), ds.basicAuth(), ds.basicAuthUser(), ds.user(),
                    ds.database(), ds.isDefault(), ds.readOnly(),
                    ds.jsonData() instanceof ObjectNode o ? o : null, secrets.secretsFor(item), null));
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
            var written = folderService.writeInTransaction(tx, env, f.uid(), f.title(), f.parentUid());
            applied.add(new AppliedObject(next.kind(), next.uid(), next.action(), written.version()));
        }
        for (PlanItem item : changes(plan, PlanItem.DASHBOARD, false)) {
            BundleDashboard d = read(item, BundleDashboard.class);
            var written = dashboardService.writeInTransaction(tx, env, item.uid(),
                    new DashboardWrite(d.dashboard(), d.folderUid(), message, ExpectedVersion.NONE),
                    DashboardService.PROVENANCE_API);
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), written.version()));
        }
        for (PlanItem item : changes(plan, PlanItem.DASHBOARD, true)) {
            if (dashboards.currentVersion(tx, env, item.uid()).isPresent()) {
                dashboards.delete(tx, env, item.uid());
            }
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        List<PlanItem> folderDeletions = new ArrayList<>(changes(plan, PlanItem.FOLDER, true));
        folderDeletions.sort(Comparator.comparingInt((PlanItem i) -> folders.ancestors(tx, env, i.uid(), 64).size()).reversed());
        for (PlanItem item : folderDeletions) {
            if (folders.exists(tx, env, item.uid())) {
                folders.delete(tx, env, item.uid());
            }
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        for (PlanItem item : changes(plan, PlanItem.DATASOURCE, true)) {
            datasources.delete(tx, env, item.uid());
            applied.add(new AppliedObject(item.kind(), item.uid(), item.action(), null));
        }
        return applied;
    }

    /** Every object of the plan, changed or not, must still be at the version the plan saw. */
    private void requireCurrent(DSLContext tx, String env, List<PlanItem> items) {
        List<Map<String, Object>> stale = new ArrayList<>();
        for (PlanItem item : items) {
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
            default -> throw new IllegalStateException("unknown kind " + kind);
        };
    }

    private static List<PlanItem> changes(ChangePlan plan, String kind, boolean deletions) {
        return plan.items().stream().filter(i -> i.kind().equals(kind) && i.changes()
                && PlanItem.DELETE.equals(i.action()) == deletions).toList();
    }

    private <T> T read(PlanItem item, Class<T> type) {
        try {
            return mapper.treeToValue(item.desired(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrupt plan item " + item.kind() + " " + item.uid(), e);
        }
    }
}
