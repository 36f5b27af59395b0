package io.dashplane.server.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.bundle.BundleFolder;
import io.dashplane.schema.promotion.DatasourceRewrite;
import io.dashplane.schema.promotion.JsonDiff;
import io.dashplane.server.bundle.EnvironmentReader;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.datasource.Datasource;
import io.dashplane.server.folder.Folder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** Compares desired content (a bundle) with a target environment and lists what would change, object by object. */
public final class PlanBuilder {
    private final EnvironmentReader reader;
    private final DashboardRepository dashboards;
    private final ObjectMapper mapper;

    public PlanBuilder(EnvironmentReader reader, DashboardRepository dashboards, ObjectMapper mapper) {
        this.reader = reader;
        this.dashboards = dashboards;
        this.mapper = mapper;
    }

    /**
     * @param rewrites        datasource rewrites per dashboard uid (promotion), may be empty
     * @param sourceUids      source datasource uid per desired datasource uid (promotion), may be empty
     * @param pruneDatasources with {@code prune}: also delete target datasources missing from {@code desired}
     */
    public List<PlanItem> build(DSLContext tx, String target, Bundle desired, Map<String, List<DatasourceRewrite>> rewrites,
                                Map<String, String> sourceUids, boolean prune, boolean pruneDatasources) {
        List<PlanItem> items = new ArrayList<>();
        List<Datasource> currentDatasources = reader.allDatasources(tx, target);
        Set<String> wanted = new HashSet<>();
        for (BundleDatasource ds : list(desired.datasources())) {
            wanted.add(ds.uid());
            Optional<Datasource> current = currentDatasources.stream().filter(d -> d.uid().equals(ds.uid())).findFirst();
            items.add(item(PlanItem.DATASOURCE, ds.uid(), ds.name(),
                    current.map(Datasource::version).orElse(null),
                    current.map(d -> tree(EnvironmentReader.toBundle(d))).orElse(null), tree(ds), List.of(),
                    sourceUids.get(ds.uid())));
        }
        if (prune && pruneDatasources) {
            currentDatasources.stream().filter(d -> !wanted.contains(d.uid())).forEach(d ->
                    items.add(deletion(PlanItem.DATASOURCE, d.uid(), d.name(), d.version())));
        }

        List<Folder> currentFolders = reader.allFolders(tx, target);
        wanted.clear();
        for (BundleFolder f : list(desired.folders())) {
            wanted.add(f.uid());
            Optional<Folder> current = currentFolders.stream().filter(c -> c.uid().equals(f.uid())).findFirst();
            items.add(item(PlanItem.FOLDER, f.uid(), f.title(), current.map(Folder::version).orElse(null),
                    current.map(c -> tree(new BundleFolder(c.uid(), c.title(), c.parentUid()))).orElse(null),
                    tree(f), List.of(), null));
        }
        if (prune) {
            currentFolders.stream().filter(f -> !wanted.contains(f.uid())).forEach(f ->
                    items.add(deletion(PlanItem.FOLDER, f.uid(), f.title(), f.version())));
        }

        wanted.clear();
        for (BundleDashboard d : list(desired.dashboards())) {
            wanted.add(d.uid());
            Optional<StoredDashboard> current = dashboards.find(tx, target, d.uid());
            items.add(item(PlanItem.DASHBOARD, d.uid(), d.dashboard().path("title").asText(""),
                    current.map(StoredDashboard::version).orElse(null),
                    current.map(c -> tree(new BundleDashboard(c.uid(), c.folderUid(), reader.portable(c.json()))))
                            .orElse(null),
                    tree(d), rewrites.getOrDefault(d.uid(), List.of()), null));
        }
        if (prune) {
            for (StoredDashboard d : dashboards.search(tx, target, new DashboardQuery(null, null, null), 0, Integer.MAX_VALUE)) {
                if (!wanted.contains(d.uid())) {
                    items.add(deletion(PlanItem.DASHBOARD, d.uid(), d.title(), d.version()));
                }
            }
        }
        return items;
    }

    private PlanItem item(String kind, String uid, String name, Long version, JsonNode current, JsonNode desired,
                          List<DatasourceRewrite> rewrites, String sourceUid) {
        String action;
        ArrayNode diff;
        if (current == null) {
            action = PlanItem.CREATE;
            diff = JsonDiff.diff(mapper.createObjectNode(), desired);
        } else {
            diff = JsonDiff.diff(current, desired);
            action = diff.isEmpty() ? PlanItem.UNCHANGED : PlanItem.UPDATE;
        }
        return new PlanItem(kind, uid, name, action, version, diff, rewrites, sourceUid, desired);
    }

    private PlanItem deletion(String kind, String uid, String name, long version) {
        ArrayNode diff = mapper.createArrayNode();
        diff.addObject().put("op", "remove").put("path", "");
        return new PlanItem(kind, uid, name, PlanItem.DELETE, version, diff, List.of(), null, null);
    }

    private JsonNode tree(Object value) {
        return JsonDiff.sorted(mapper.valueToTree(value));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
