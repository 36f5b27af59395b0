package io.dashplane.server.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleRuleGroup;
import io.dashplane.schema.bundle.Bundles;
import io.dashplane.server.alerting.AlertingContent;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.bundle.BundleFolder;
import io.dashplane.schema.bundle.SecretInput;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.datasource.Datasource;
import io.dashplane.server.datasource.DatasourceRepository;
import io.dashplane.server.folder.Folder;
import io.dashplane.server.folder.FolderRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Reads the content of one environment as a {@link Bundle} (inside the caller's transaction): datasources
 * without secrets (their keys become secret inputs), folders, dashboards with the instance-specific
 * {@code id} and {@code version} removed from their JSON. The bundle's {@code environment} stays empty so that
 * exports of equal content are equal whatever the environment is called.
 */
public final class EnvironmentReader {
    private static final int ALL_ROWS = Integer.MAX_VALUE;

    private final DatasourceRepository datasources;
    private final FolderRepository folders;
    private final DashboardRepository dashboards;
    private final AlertingContent alerting;
    private final ObjectMapper mapper;

    public EnvironmentReader(DatasourceRepository datasources, FolderRepository folders,
                             DashboardRepository dashboards, AlertingContent alerting, ObjectMapper mapper) {
        this.datasources = datasources;
        this.folders = folders;
        this.dashboards = dashboards;
        this.alerting = alerting;
        this.mapper = mapper;
    }

    public AlertingContent alerting() {
        return alerting;
    }

    /** @param includeAllDatasources whether {@code all} also takes every datasource (exports) or not (promotions) */
    public Bundle read(DSLContext tx, String env, ContentSelection selection, boolean includeAllDatasources) {
        List<BundleDatasource> dsOut = new ArrayList<>();
        List<SecretInput> secrets = new ArrayList<>();
        for (Datasource d : allDatasources(tx, env)) {
            boolean selected = selection.isAll() && includeAllDatasources || selection.datasources().contains(d.uid())
                    || selection.datasources().contains(d.name());
            if (selected) {
                dsOut.add(toBundle(d));
                d.secureJsonFields().keySet().stream().sorted()
                        .forEach(k -> secrets.add(SecretInput.ofDatasource(d.uid(), k)));
            }
        }

        Map<String, Folder> folderByUid = new HashMap<>();
        allFolders(tx, env).forEach(f -> folderByUid.put(f.uid(), f));
        Set<String> folderUids = new LinkedHashSet<>();
        List<BundleDashboard> boardsOut = new ArrayList<>();
        for (StoredDashboard meta : dashboards.search(tx, env, new DashboardQuery(null, null, null), 0, ALL_ROWS)) {
            boolean selected = selection.isAll() || selection.dashboards().contains(meta.uid())
                    || meta.tags().stream().anyMatch(selection.dashboardTags()::contains)
                    || meta.folderUid() != null && selection.dashboardFolders().contains(meta.folderUid());
            if (selected) {
                StoredDashboard full = dashboards.find(tx, env, meta.uid()).orElseThrow();
                boardsOut.add(new BundleDashboard(full.uid(), full.folderUid(), portable(full.json())));
                addWithAncestors(full.folderUid(), folderByUid, folderUids);
            }
        }
        List<BundleRuleGroup> groupsOut = new ArrayList<>();
        for (BundleRuleGroup g : alerting.ruleGroups(tx, env)) {
            boolean selected = selection.isAll() || selection.ruleGroups().contains(g.folderUid() + "/" + g.name())
                    || g.rules().stream().anyMatch(r -> selection.rules().contains(r.uid()));
            if (selected) {
                groupsOut.add(g);
                addWithAncestors(g.folderUid(), folderByUid, folderUids);
            }
        }
        List<ContactPoint> pointsOut = new ArrayList<>();
        for (ContactPoint c : alerting.contactPoints(tx, env, false)) {
            if (selection.isAll() || selection.contactPoints().contains(c.name())) {
                Bundles.StrippedContactPoint stripped = Bundles.stripSecrets(c);
                pointsOut.add(stripped.contactPoint());
                secrets.addAll(stripped.secretInputs());
            }
        }
        List<MuteTiming> timingsOut = alerting.muteTimings(tx, env).stream()
                .filter(m -> selection.isAll() || selection.muteTimings().contains(m.name())).toList();
        List<MessageTemplate> templatesOut = alerting.templates(tx, env).stream()
                .filter(t -> selection.isAll() || selection.templates().contains(t.name())).toList();
        Route policies = selection.includesPolicies() ? alerting.policies(tx, env) : null;
        for (Folder f : folderByUid.values()) {
            if (selection.isAll() || selection.folders().contains(f.uid())) {
                addWithAncestors(f.uid(), folderByUid, folderUids);
            }
        }
        List<BundleFolder> foldersOut = folderUids.stream().map(folderByUid::get)
                .map(f -> new BundleFolder(f.uid(), f.title(), f.parentUid())).toList();
        return new Bundle(Bundle.API_VERSION, null, dsOut, secrets, foldersOut, boardsOut, groupsOut, pointsOut, policies,
                timingsOut, templatesOut).sorted();
    }

    public List<Datasource> allDatasources(DSLContext tx, String env) {
        return datasources.list(tx, env, null, null, 0, ALL_ROWS);
    }

    public List<Folder> allFolders(DSLContext tx, String env) {
        return folders.list(tx, env, null, 0, ALL_ROWS);
    }

    /** A datasource in bundle form; booleans always present so that a round trip keeps the same bytes. */
    public static BundleDatasource toBundle(Datasource d) {
        return new BundleDatasource(d.uid(), d.name(), d.type(), d.access(), d.url(), d.user(), d.database(),
                d.basicAuth(), d.basicAuthUser(), d.withCredentials(), d.isDefault(), d.readOnly(), d.jsonData());
    }

    /** Dashboard JSON without Grafana's instance-specific {@code id} and {@code version}. */
    public JsonNode portable(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            return portable(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored dashboard", e);
        }
    }

    public static JsonNode portable(JsonNode dashboard) {
        if (dashboard instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.remove("id");
            copy.remove("version");
            return copy;
        }
        return dashboard;
    }

    private static void addWithAncestors(String uid, Map<String, Folder> byUid, Set<String> out) {
        List<String> chain = new ArrayList<>();
        String current = uid;
        while (current != null && byUid.containsKey(current) && !out.contains(current) && !chain.contains(current)) {
            chain.add(current);
            current = byUid.get(current).parentUid();
        }
        out.addAll(chain);
    }
}
