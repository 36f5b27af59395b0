package io.dashplane.server.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleRuleGroup;
import io.dashplane.schema.bundle.Bundles;
import io.dashplane.server.alerting.AlertingContent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.bundle.BundleFolder;
import io.dashplane.schema.promotion.DatasourceRewrite;
import io.dashplane.schema.promotion.JsonDiff;
import io.dashplane.server.content.EnvironmentReader;
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
        addAlerting(tx, target, desired, rewrites, items);
        return items;
    }

    private void addAlerting(DSLContext tx, String target, Bundle desired, Map<String, List<DatasourceRewrite>> rewrites,
                             List<PlanItem> items) {
        AlertingContent alerting = reader.alerting();
        Map<String, JsonNode> current = currentAlerting(tx, target);
        for (BundleRuleGroup g : list(desired.ruleGroups())) {
            String key = g.folderUid() + "/" + g.name();
            items.add(alertingItem(PlanItem.RULE_GROUP, key, g.name(),
                    alerting.ruleGroupVersion(tx, target, g.folderUid(), g.name()).orElse(null), current, tree(g),
                    rewrites.getOrDefault(key, List.of())));
        }
        Map<String, ContactPoint> currentPoints = new HashMap<>();
        alerting.contactPoints(tx, target, false).forEach(c -> currentPoints.put(c.name(), c));
        for (ContactPoint c : list(desired.contactPoints())) {
            ContactPoint aligned = align(c, currentPoints.get(c.name()));
            items.add(alertingItem(PlanItem.CONTACT_POINT, c.name(), c.name(),
                    alerting.contactPointVersion(tx, target, c.name()).orElse(null), current, tree(aligned), List.of()));
        }
        for (MuteTiming m : list(desired.muteTimings())) {
            items.add(alertingItem(PlanItem.MUTE_TIMING, m.name(), m.name(), null, current, tree(m), List.of()));
        }
        for (MessageTemplate t : list(desired.templates())) {
            items.add(alertingItem(PlanItem.TEMPLATE, t.name(), t.name(), null, current, tree(t), List.of()));
        }
        if (desired.policies() != null) {
            items.add(alertingItem(PlanItem.POLICIES, POLICY_KEY, "notification policy tree", null, current,
                    tree(desired.policies()), List.of()));
        }
    }

    static final String POLICY_KEY = "root";

    /** The target's alerting objects in plan form, by kind + NUL + key (contact points without secrets). */
    public Map<String, JsonNode> currentAlerting(DSLContext tx, String env) {
        AlertingContent alerting = reader.alerting();
        Map<String, JsonNode> current = new HashMap<>();
        alerting.ruleGroups(tx, env).forEach(g -> current.put(key(PlanItem.RULE_GROUP, g.folderUid() + "/" + g.name()), tree(g)));
        alerting.contactPoints(tx, env, false).forEach(c ->
                current.put(key(PlanItem.CONTACT_POINT, c.name()), tree(Bundles.stripSecrets(c).contactPoint())));
        alerting.muteTimings(tx, env).forEach(m -> current.put(key(PlanItem.MUTE_TIMING, m.name()), tree(m)));
        alerting.templates(tx, env).forEach(t -> current.put(key(PlanItem.TEMPLATE, t.name()), tree(t)));
        Route policies = alerting.policies(tx, env);
        if (policies != null) {
            current.put(key(PlanItem.POLICIES, POLICY_KEY), tree(policies));
        }
        return current;
    }

    public static String key(String kind, String uid) {
        return kind + "\u0000" + uid;
    }

    public static String digest(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(tree.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A contact point keeps the target's uids (its own and its integrations') so that equal content compares equal. */
    private static ContactPoint align(ContactPoint desired, ContactPoint current) {
        ContactPoint stripped = Bundles.stripSecrets(desired).contactPoint();
        if (current == null) {
            return stripped;
        }
        List<Integration> integrations = new ArrayList<>();
        List<Integration> mine = list(stripped.integrations());
        List<Integration> theirs = list(current.integrations());
        for (int i = 0; i < mine.size(); i++) {
            Integration in = mine.get(i);
            String uid = i < theirs.size() && java.util.Objects.equals(theirs.get(i).type(), in.type())
                    ? theirs.get(i).uid() : in.uid();
            integrations.add(new Integration(uid, in.type(), in.settings(), in.disableResolveMessage()));
        }
        return new ContactPoint(current.uid(), stripped.name(), integrations);
    }

    private PlanItem alertingItem(String kind, String key, String name, Long version, Map<String, JsonNode> current,
                                  JsonNode desired, List<DatasourceRewrite> rewrites) {
        JsonNode now = current.get(key(kind, key));
        PlanItem plain = item(kind, key, name, version, now, desired, rewrites, null);
        return new PlanItem(plain.kind(), plain.uid(), plain.name(), plain.action(), plain.targetVersion(), plain.diff(),
                plain.rewrites(), null, plain.desired(), digest(now));
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
        return new PlanItem(kind, uid, name, action, version, diff, rewrites, sourceUid, desired, null);
    }

    private PlanItem deletion(String kind, String uid, String name, long version) {
        ArrayNode diff = mapper.createArrayNode();
        diff.addObject().put("op", "remove").put("path", "");
        return new PlanItem(kind, uid, name, PlanItem.DELETE, version, diff, List.of(), null, null, null);
    }

    private JsonNode tree(Object value) {
        return JsonDiff.sorted(mapper.valueToTree(value));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
