package io.dashplane.server.grafana;

import io.dashplane.server.dashboard.DashboardHit;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.folder.Folder;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.http.QueryFlag;
import io.dashplane.server.storage.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Grafana's {@code GET /api/search}: folders and dashboards, folders first, each group by title. */
@Path("/grafana/{env}/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaSearchResource {
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 5000;

    private final DashboardService dashboards;
    private final FolderService folders;

    public GrafanaSearchResource(DashboardService dashboards, FolderService folders) {
        this.dashboards = dashboards;
        this.folders = folders;
    }

    @GET
    @Operation(summary = "Grafana: search folders and dashboards")
    public List<Map<String, Object>> search(@PathParam("env") String env, @QueryParam("query") String query,
                                            @QueryParam("tag") List<String> tags, @QueryParam("type") String type,
                                            @QueryParam("folderUIDs") List<String> folderUids,
                                            @QueryParam("folderIds") List<String> folderIds,
                                            @QueryParam("dashboardUIDs") List<String> dashboardUids,
                                            @QueryParam("dashboardIds") List<String> dashboardIds,
                                            @QueryParam("starred") QueryFlag starred,
                                            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page) {
        if (type != null && !type.isEmpty() && !type.equals("dash-db") && !type.equals("dash-folder")) {
            throw new GrafanaRefusal(GrafanaRefusal.Kind.BAD_REQUEST, "type must be dash-db or dash-folder");
        }
        int perPage = limit == null || limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        int p = page == null || page < 1 ? 1 : page;
        if (QueryFlag.isSet(starred)) {
            return List.of(); // Dashplane has no stars
        }
        Map<String, Folder> allFolders = new HashMap<>();
        Map<String, Long> folderIdOf = folders.ids(env);
        for (Folder f : AllPages.of(pr -> folders.list(env, null, pr))) {
            allFolders.put(f.uid(), f);
        }
        Set<String> inFolders = folderFilter(folderUids, folderIds, allFolders, folderIdOf);
        Set<String> onlyUids = split(dashboardUids);
        Set<String> onlyIds = split(dashboardIds);
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> hits = new ArrayList<>();
        boolean tagsGiven = tags != null && tags.stream().anyMatch(t -> t != null && !t.isEmpty());
        if (!"dash-db".equals(type) && onlyUids.isEmpty() && onlyIds.isEmpty() && !tagsGiven) {
            allFolders.values().stream()
                    .filter(f -> f.title().toLowerCase(Locale.ROOT).contains(q))
                    .filter(f -> inFolders == null || inFolders.contains(f.parentUid() == null ? "" : f.parentUid()))
                    .sorted(java.util.Comparator.comparing((Folder f) -> f.title().toLowerCase(Locale.ROOT))
                            .thenComparing(Folder::uid))
                    .forEach(f -> hits.add(folderHit(f, folderIdOf)));
        }
        if (!"dash-folder".equals(type)) {
            DashboardQuery dq = new DashboardQuery(query == null || query.isEmpty() ? null : query, tags, null);
            for (DashboardHit d : AllPages.of(pr -> dashboards.search(env, dq, pr))) {
                if (inFolders != null && !inFolders.contains(d.folderUid() == null ? "" : d.folderUid())) {
                    continue;
                }
                if (!onlyUids.isEmpty() && !onlyUids.contains(d.uid())
                        || !onlyIds.isEmpty() && !onlyIds.contains(Long.toString(d.id()))) {
                    continue;
                }
                hits.add(dashboardHit(d, allFolders.get(d.folderUid()), folderIdOf));
            }
        }
        int from = (int) Math.min(hits.size(), (long) (p - 1) * perPage);
        return hits.subList(from, Math.min(hits.size(), from + perPage));
    }

    /** The folder uids to keep ("" is the root), or null for no filter. */
    private static Set<String> folderFilter(List<String> uids, List<String> ids, Map<String, Folder> all,
                                            Map<String, Long> idOf) {
        Set<String> byUid = split(uids);
        Set<String> byId = split(ids);
        if (byUid.isEmpty() && byId.isEmpty()) {
            return null;
        }
        Set<String> keep = new java.util.HashSet<>();
        for (String u : byUid) {
            keep.add(u.equals("general") ? "" : u);
        }
        for (String id : byId) {
            if (id.equals("0")) {
                keep.add("");
            }
            idOf.forEach((uid, n) -> {
                if (Long.toString(n).equals(id) && all.containsKey(uid)) {
                    keep.add(uid);
                }
            });
        }
        return keep;
    }

    /** Repeated parameters and comma-separated values alike. */
    private static Set<String> split(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().filter(v -> v != null).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static Map<String, Object> folderHit(Folder f, Map<String, Long> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        String url = GrafanaFolderResource.url(f);
        m.put("id", ids.getOrDefault(f.uid(), 0L));
        m.put("uid", f.uid());
        m.put("title", f.title());
        m.put("uri", "db/" + url.substring(url.lastIndexOf('/') + 1));
        m.put("url", url);
        m.put("slug", "");
        m.put("type", "dash-folder");
        m.put("tags", List.of());
        m.put("isStarred", false);
        if (f.parentUid() != null) {
            m.put("folderUid", f.parentUid());
        }
        m.put("sortMeta", 0);
        return m;
    }

    private static Map<String, Object> dashboardHit(DashboardHit d, Folder folder, Map<String, Long> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("uid", d.uid());
        m.put("title", d.title());
        m.put("uri", "db/" + d.url().substring(d.url().lastIndexOf('/') + 1));
        m.put("url", d.url());
        m.put("slug", "");
        m.put("type", "dash-db");
        m.put("tags", d.tags());
        m.put("isStarred", false);
        if (folder != null) {
            m.put("folderId", ids.getOrDefault(folder.uid(), 0L));
            m.put("folderUid", folder.uid());
            m.put("folderTitle", folder.title());
            m.put("folderUrl", GrafanaFolderResource.url(folder));
        }
        m.put("sortMeta", 0);
        return m;
    }

}
