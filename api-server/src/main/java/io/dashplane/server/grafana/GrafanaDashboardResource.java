package io.dashplane.server.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.auth.AuthFilter;
import io.dashplane.server.auth.Principal;
import io.dashplane.server.auth.Role;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.dashboard.DashboardVersion;
import io.dashplane.server.dashboard.DashboardWriteResult;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.folder.Folder;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grafana's dashboard API: {@code /api/dashboards/db}, {@code /uid/{uid}}, versions and import. */
@Path("/grafana/{env}/api/dashboards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaDashboardResource {
    private final GrafanaDashboards dashboards;
    private final DashboardService service;
    private final FolderService folders;
    private final ObjectMapper mapper;

    public GrafanaDashboardResource(DashboardService service, FolderService folders, ObjectMapper mapper) {
        this.mapper = mapper;
        this.service = service;
        this.folders = folders;
        this.dashboards = new GrafanaDashboards(service, folders);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Saved(long id, String uid, String url, String status, long version, String slug,
                        String folderUid) {
    }

    /**
     * {@code folderId} at the top level is an addition to Grafana's shape: community.grafana's dashboard module
     * compares it with the folder it was asked for, and without it reports every dashboard in a folder as changed.
     */
    public record Full(JsonNode dashboard, Map<String, Object> meta, long folderId) {
    }

    public record Deleted(String title, String message, long id, String uid) {
    }

    public record Versions(String continueToken, List<Map<String, Object>> versions) {
    }

    @POST
    @Path("db")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: create or update a dashboard")
    public Saved save(@PathParam("env") String env, @Valid GrafanaDashboardSave body) {
        return saved(dashboards.save(env, RequestBodies.require(body)));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: import a dashboard, binding its __inputs")
    public Map<String, Object> importDashboard(@PathParam("env") String env, @Valid GrafanaDashboardImport body) {
        DashboardWriteResult r = dashboards.importDashboard(env, RequestBodies.require(body));
        StoredDashboard d = service.get(env, r.uid());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uid", r.uid());
        out.put("pluginId", "");
        out.put("title", d.title());
        out.put("imported", true);
        out.put("importedUri", "db/" + slug(r.url()));
        out.put("importedUrl", r.url());
        out.put("slug", slug(r.url()));
        out.put("dashboardId", r.id());
        out.put("folderId", r.folderUid() == null ? 0 : folderId(env, r.folderUid()));
        out.put("folderUid", r.folderUid() == null ? "" : r.folderUid());
        out.put("importedRevision", 1);
        out.put("revision", 1);
        out.put("description", "");
        out.put("path", "");
        out.put("removed", false);
        return out;
    }

    @GET
    @Path("uid/{uid}")
    @Operation(summary = "Grafana: get a dashboard with its meta")
    public Full get(@PathParam("env") String env, @PathParam("uid") String uid,
                    @Context ContainerRequestContext request) {
        StoredDashboard d = service.get(env, uid);
        Folder folder = d.folderUid() == null ? null : folders.get(env, d.folderUid());
        long folderId = folder == null ? 0 : folderId(env, folder.uid());
        JsonNode json = withServerMembers(d);
        Principal p = (Principal) request.getProperty(AuthFilter.PRINCIPAL);
        boolean canEdit = p != null && p.has(env, Role.EDITOR);
        boolean provisioned = !DashboardService.PROVENANCE_API.equals(d.provenance());
        String slug = slug(d.uid(), d.title());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("type", "db");
        meta.put("canSave", canEdit && !provisioned);
        meta.put("canEdit", canEdit);
        meta.put("canAdmin", p != null && p.has(env, Role.ADMIN));
        meta.put("canStar", false);
        meta.put("canDelete", canEdit && !provisioned);
        meta.put("slug", slug);
        meta.put("url", "/d/" + d.uid() + "/" + slug);
        meta.put("expires", "0001-01-01T00:00:00Z");
        meta.put("created", d.createdAt());
        meta.put("updated", d.updatedAt());
        meta.put("updatedBy", "");
        meta.put("createdBy", "");
        meta.put("version", d.version());
        meta.put("hasAcl", false);
        meta.put("isFolder", false);
        meta.put("folderId", folderId);
        meta.put("folderUid", folder == null ? "" : folder.uid());
        meta.put("folderTitle", folder == null ? "General" : folder.title());
        meta.put("folderUrl", folder == null ? "" : GrafanaFolderResource.url(folder));
        meta.put("provisioned", provisioned);
        meta.put("provisionedExternalId", "");
        return new Full(json, meta, folderId);
    }

    @DELETE
    @Path("uid/{uid}")
    @Operation(summary = "Grafana: delete a dashboard")
    public Deleted delete(@PathParam("env") String env, @PathParam("uid") String uid) {
        StoredDashboard d = service.get(env, uid);
        service.delete(env, uid, ExpectedVersion.exactly(d.version()));
        return new Deleted(d.title(), "Dashboard " + d.title() + " deleted", d.id(), d.uid());
    }

    @GET
    @Path("uid/{uid}/versions")
    @Operation(summary = "Grafana: list a dashboard's versions, newest first")
    public Versions versions(@PathParam("env") String env, @PathParam("uid") String uid,
                             @QueryParam("limit") Integer limit, @QueryParam("start") Integer start) {
        StoredDashboard d = service.get(env, uid);
        int perPage = limit == null || limit < 1 || limit > PageRequest.MAX_PER_PAGE ? PageRequest.MAX_PER_PAGE : limit;
        List<Map<String, Object>> out = new ArrayList<>();
        int skip = start == null || start < 0 ? 0 : start;
        int page = 1;
        while (out.size() < perPage) {
            List<DashboardVersion> batch = service.versions(env, uid, new PageRequest(page++, PageRequest.MAX_PER_PAGE))
                    .items();
            for (DashboardVersion v : batch) {
                if (skip > 0) {
                    skip--;
                } else if (out.size() < perPage) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", v.version());
                    m.put("dashboardId", d.id());
                    m.put("uid", d.uid());
                    m.put("parentVersion", Math.max(0, v.version() - 1));
                    m.put("restoredFrom", 0);
                    m.put("version", v.version());
                    m.put("created", v.createdAt());
                    m.put("createdBy", "");
                    m.put("message", v.message());
                    out.add(m);
                }
            }
            if (batch.size() < PageRequest.MAX_PER_PAGE) {
                break;
            }
        }
        return new Versions("", out);
    }

    /**
     * Grafana answers a dashboard with its server-owned {@code id}, {@code uid} and {@code version} inside the model;
     * Dashplane keeps them beside the stored text, so they are set on the way out (the shared mapper keeps every
     * number's spelling).
     */
    private JsonNode withServerMembers(StoredDashboard d) {
        ObjectNode out = mapper.createObjectNode();
        out.put("id", d.id());
        out.put("uid", d.uid());
        out.put("version", d.version());
        try {
            mapper.readTree(d.json()).fields()
                    .forEachRemaining(member -> out.putIfAbsent(member.getKey(), member.getValue()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a stored dashboard is JSON", e);
        }
        return out;
    }

    private long folderId(String env, String folderUid) {
        return folders.ids(env).getOrDefault(folderUid, 0L);
    }

    private static Saved saved(DashboardWriteResult r) {
        return new Saved(r.id(), r.uid(), r.url(), "success", r.version(), slug(r.url()), r.folderUid());
    }

    /** The slug of a {@code /d/{uid}/{slug}} URL. */
    private static String slug(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String slug(String uid, String title) {
        return slug(io.dashplane.server.dashboard.DashboardUrls.of(uid, title));
    }
}
