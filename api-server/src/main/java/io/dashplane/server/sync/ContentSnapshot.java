package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleFolder;
import io.dashplane.schema.bundle.BundleRuleGroup;
import io.dashplane.schema.bundle.Bundles;
import io.dashplane.server.content.ContentSelection;
import io.dashplane.server.content.EnvironmentReader;
import io.dashplane.server.changes.ChangeFeed;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.datasource.Datasource;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.folder.Folder;
import io.dashplane.server.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a target should hold: the environment's content (within the target's folder scope) as Grafana API
 * payloads, in write order, with the change-feed sequence it was read at (one read transaction).
 */
final class ContentSnapshot {
    /** The objects (write order) and the feed sequence they reflect. */
    record Desired(List<DesiredObject> objects, long sequence) {
    }

    private final Database db;
    private final EnvironmentReader reader;
    private final DashboardRepository dashboards;
    private final DatasourceService datasources;
    private final ObjectMapper mapper;

    ContentSnapshot(Database db, EnvironmentReader reader, DashboardRepository dashboards,
                    DatasourceService datasources, ObjectMapper mapper) {
        this.db = db;
        this.reader = reader;
        this.dashboards = dashboards;
        this.datasources = datasources;
        this.mapper = mapper;
    }

    Desired read(String env, List<String> folderScope) {
        return db.read(tx -> {
            long sequence = ChangeFeed.latest(tx, env);
            Bundle b = reader.read(tx, env, ContentSelection.ALL, true);
            Map<String, Long> dashboardVersions = new HashMap<>();
            for (StoredDashboard d : dashboards.search(tx, env, new DashboardQuery(null, null, null), 0, Integer.MAX_VALUE)) {
                dashboardVersions.put(d.uid(), d.version());
            }
            Map<String, Folder> folders = new HashMap<>();
            reader.allFolders(tx, env).forEach(f -> folders.put(f.uid(), f));
            Set<String> inScope = scope(folderScope, folders);
            List<DesiredObject> out = new ArrayList<>();
            for (BundleFolder f : parentsFirst(b.folders(), folders)) {
                if (inScope == null || inScope.contains(f.uid()) || isAncestorOfScope(f.uid(), inScope, folders)) {
                    ObjectNode p = mapper.createObjectNode().put("uid", f.uid()).put("title", f.title());
                    p.put("parentUid", f.parentUid());
                    out.add(object(DesiredObject.FOLDER, f.uid(), f.title(), p, folders.get(f.uid()).version(), p));
                }
            }
            for (Datasource d : reader.allDatasources(tx, env)) {
                ObjectNode p = (ObjectNode) mapper.valueToTree(EnvironmentReader.toBundle(d));
                ObjectNode withoutSecrets = p.deepCopy();
                Map<String, String> secrets = d.secureJsonFields().isEmpty() ? Map.of()
                        : datasources.decryptSecrets(env, d.uid());
                if (!secrets.isEmpty()) {
                    p.set("secureJsonData", mapper.valueToTree(secrets));
                }
                out.add(object(DesiredObject.DATASOURCE, d.uid(), d.name(), p, d.version(), withoutSecrets));
            }
            for (BundleDashboard d : b.dashboards()) {
                if (inScope != null && (d.folderUid() == null || !inScope.contains(d.folderUid()))) {
                    continue;
                }
                ObjectNode p = mapper.createObjectNode();
                p.set("dashboard", d.dashboard());
                p.put("folderUid", d.folderUid());
                out.add(object(DesiredObject.DASHBOARD, d.uid(), d.dashboard().path("title").asText(d.uid()), p,
                        dashboardVersions.get(d.uid()), p));
            }
            for (MessageTemplate t : b.templates()) {
                JsonNode p = mapper.valueToTree(t);
                out.add(object(DesiredObject.TEMPLATE, t.name(), t.name(), p, null, p));
            }
            Map<String, ContactPoint> stripped = new HashMap<>();
            b.contactPoints().forEach(c -> stripped.put(c.name(), c));
            for (ContactPoint c : reader.alerting().contactPoints(tx, env, true)) {
                Long version = reader.alerting().contactPointVersion(tx, env, c.name()).orElse(null);
                ContactPoint redacted = stripped.getOrDefault(c.name(), Bundles.stripSecrets(c).contactPoint());
                for (int i = 0; i < c.integrations().size(); i++) {
                    Integration integration = c.integrations().get(i);
                    out.add(object(DesiredObject.CONTACT_POINT, integration.uid(), c.name(),
                            integration(c.name(), integration), version,
                            integration(c.name(), redacted.integrations().get(i))));
                }
            }
            for (MuteTiming m : b.muteTimings()) {
                JsonNode p = mapper.valueToTree(m);
                out.add(object(DesiredObject.MUTE_TIMING, m.name(), m.name(), p, null, p));
            }
            Route policies = b.policies();
            if (policies != null) {
                JsonNode p = mapper.valueToTree(policies);
                out.add(object(DesiredObject.POLICIES, DesiredObject.POLICIES, "notification policies", p, null, p));
            }
            for (BundleRuleGroup g : b.ruleGroups()) {
                if (inScope != null && !inScope.contains(g.folderUid())) {
                    continue;
                }
                ObjectNode p = mapper.createObjectNode().put("title", g.name()).put("folderUid", g.folderUid())
                        .put("interval", io.dashplane.schema.alerting.Durations.parse(
                                g.interval() == null ? "60s" : g.interval()).toSeconds());
                p.set("rules", mapper.valueToTree(g.rules()));
                out.add(object(DesiredObject.RULE_GROUP, g.folderUid() + "/" + g.name(), g.name(), p,
                        reader.alerting().ruleGroupVersion(tx, env, g.folderUid(), g.name()).orElse(null), p));
            }
            return new Desired(out, sequence);
        });
    }

    private ObjectNode integration(String name, Integration i) {
        ObjectNode node = mapper.valueToTree(i);
        node.put("name", name);
        return node;
    }

    private DesiredObject object(String kind, String uid, String title, JsonNode payload, Long version,
                                 JsonNode withoutSecrets) {
        boolean secretKind = kind.equals(DesiredObject.DATASOURCE) || kind.equals(DesiredObject.CONTACT_POINT);
        String material = withoutSecrets.toString() + (secretKind ? "|" + version : "");
        return new DesiredObject(kind, uid, title, payload, version, sha256(material));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chosen folders and their descendants; null for everything. */
    private static Set<String> scope(List<String> chosen, Map<String, Folder> folders) {
        if (chosen == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (Folder f : folders.values()) {
            String current = f.uid();
            Set<String> seen = new HashSet<>();
            while (current != null && seen.add(current)) {
                if (chosen.contains(current)) {
                    out.add(f.uid());
                    break;
                }
                Folder parent = folders.get(current);
                current = parent == null ? null : parent.parentUid();
            }
        }
        return out;
    }

    private static boolean isAncestorOfScope(String uid, Set<String> scope, Map<String, Folder> folders) {
        for (String s : scope) {
            Folder f = folders.get(s);
            while (f != null && f.parentUid() != null) {
                if (f.parentUid().equals(uid)) {
                    return true;
                }
                f = folders.get(f.parentUid());
            }
        }
        return false;
    }

    private static List<BundleFolder> parentsFirst(List<BundleFolder> list, Map<String, Folder> folders) {
        List<BundleFolder> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingInt((BundleFolder f) -> depth(f.uid(), folders))
                .thenComparing(BundleFolder::uid));
        return sorted;
    }

    private static int depth(String uid, Map<String, Folder> folders) {
        int d = 0;
        Folder f = folders.get(uid);
        while (f != null && f.parentUid() != null && d < 64) {
            d++;
            f = folders.get(f.parentUid());
        }
        return d;
    }
}
