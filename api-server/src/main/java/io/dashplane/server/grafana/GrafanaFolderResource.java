package io.dashplane.server.grafana;

import io.dashplane.server.auth.AuthFilter;
import io.dashplane.server.auth.Principal;
import io.dashplane.server.auth.Role;
import io.dashplane.server.dashboard.DashboardUrls;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.Folder;
import io.dashplane.server.folder.FolderRequest;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.http.QueryFlag;
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
import jakarta.ws.rs.PUT;
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

/** Grafana's folder API: list, create, get by uid or legacy id, update, move, delete. */
@Path("/grafana/{env}/api/folders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaFolderResource {
    private final FolderService folders;
    private final EnvironmentService environments;

    public GrafanaFolderResource(FolderService folders, EnvironmentService environments) {
        this.folders = folders;
        this.environments = environments;
    }

    @GET
    @Operation(summary = "Grafana: list the folders of one parent (the root by default)")
    public List<Map<String, Object>> list(@PathParam("env") String env, @QueryParam("parentUid") String parentUid,
                                          @QueryParam("limit") Integer limit, @QueryParam("page") Integer page) {
        int perPage = limit == null || limit < 1 || limit > PageRequest.MAX_PER_PAGE ? PageRequest.MAX_PER_PAGE : limit;
        int p = page == null || page < 1 ? 1 : page;
        Map<String, Long> ids = folders.ids(env);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Folder f : folders.list(env, parentUid == null ? "" : parentUid, new PageRequest(p, perPage)).items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", ids.getOrDefault(f.uid(), 0L));
            m.put("uid", f.uid());
            m.put("title", f.title());
            if (f.parentUid() != null) {
                m.put("parentUid", f.parentUid());
            }
            out.add(m);
        }
        return out;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: create a folder")
    public Map<String, Object> create(@PathParam("env") String env, @Valid GrafanaFolderRequest body,
                                      @Context ContainerRequestContext request) {
        GrafanaFolderRequest r = RequestBodies.require(body);
        String parent = r.parentUid() == null || r.parentUid().isEmpty() ? null : r.parentUid();
        String uid = r.uid() == null || r.uid().isEmpty() ? null : r.uid();
        Folder f = folders.create(env, new FolderRequest(uid, r.title(), parent, null));
        return full(env, f, request);
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Grafana: get a folder by uid")
    public Map<String, Object> get(@PathParam("env") String env, @PathParam("uid") String uid,
                                   @Context ContainerRequestContext request) {
        return full(env, folders.get(env, uid), request);
    }

    @GET
    @Path("id/{id}")
    @Operation(summary = "Grafana: get a folder by its legacy numeric id")
    public Map<String, Object> getById(@PathParam("env") String env, @PathParam("id") String id,
                                       @Context ContainerRequestContext request) {
        String uid = parseId(id).flatMap(n -> folders.uidById(env, n))
                .orElseThrow(() -> new GrafanaRefusal(GrafanaRefusal.Kind.NOT_FOUND, "folder not found"));
        return full(env, folders.get(env, uid), request);
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: rename a folder (version checked unless overwrite)")
    public Map<String, Object> update(@PathParam("env") String env, @PathParam("uid") String uid,
                                      @Valid GrafanaFolderRequest body, @Context ContainerRequestContext request) {
        GrafanaFolderRequest r = RequestBodies.require(body);
        Folder current = folders.get(env, uid);
        boolean overwrite = Boolean.TRUE.equals(r.overwrite());
        long sent = r.version() == null ? 0 : r.version();
        if (!overwrite && sent != current.version()) {
            throw folderChanged();
        }
        ExpectedVersion expected = overwrite ? ExpectedVersion.NONE : ExpectedVersion.exactly(current.version());
        try {
            Folder f = folders.put(env, uid, new FolderRequest(uid, r.title(), current.parentUid(), null), expected)
                    .value();
            return full(env, f, request);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.VERSION_CONFLICT) {
                throw folderChanged();
            }
            throw e;
        }
    }

    @POST
    @Path("{uid}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: move a folder under another parent (empty: the root)")
    public Map<String, Object> move(@PathParam("env") String env, @PathParam("uid") String uid,
                                    @Valid GrafanaFolderMove body, @Context ContainerRequestContext request) {
        String parent = body == null || body.parentUid() == null || body.parentUid().isEmpty() ? null : body.parentUid();
        return full(env, folders.move(env, uid, parent, ExpectedVersion.NONE), request);
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Grafana: delete a folder with its sub-folders and dashboards")
    public Map<String, Object> delete(@PathParam("env") String env, @PathParam("uid") String uid,
                                      @QueryParam("forceDeleteRules") QueryFlag forceDeleteRules) {
        Folder f = folders.get(env, uid);
        long id = folders.ids(env).getOrDefault(uid, 0L);
        folders.deleteWithContents(env, uid, QueryFlag.isSet(forceDeleteRules));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", f.title());
        out.put("message", "Folder " + f.title() + " deleted");
        out.put("id", id);
        return out;
    }

    static String url(Folder f) {
        String dashboardUrl = DashboardUrls.of(f.uid(), f.title());
        return "/dashboards/f/" + f.uid() + "/" + dashboardUrl.substring(dashboardUrl.lastIndexOf('/') + 1);
    }

    private Map<String, Object> full(String env, Folder f, ContainerRequestContext request) {
        Principal p = (Principal) request.getProperty(AuthFilter.PRINCIPAL);
        boolean canEdit = p != null && p.has(env, Role.EDITOR);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", folders.ids(env).getOrDefault(f.uid(), 0L));
        m.put("uid", f.uid());
        m.put("orgId", environments.get(env).orgId());
        m.put("title", f.title());
        m.put("url", url(f));
        m.put("hasAcl", false);
        m.put("canSave", canEdit);
        m.put("canEdit", canEdit);
        m.put("canAdmin", p != null && p.has(env, Role.ADMIN));
        m.put("canDelete", canEdit);
        m.put("createdBy", "");
        m.put("created", f.createdAt());
        m.put("updatedBy", "");
        m.put("updated", f.updatedAt());
        m.put("version", f.version());
        if (f.parentUid() != null) {
            m.put("parentUid", f.parentUid());
        }
        return m;
    }

    private static GrafanaRefusal folderChanged() {
        return new GrafanaRefusal(GrafanaRefusal.Kind.VERSION_MISMATCH, "the folder has been changed by someone else");
    }

    static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
