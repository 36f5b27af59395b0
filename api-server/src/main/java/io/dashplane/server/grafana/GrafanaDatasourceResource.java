package io.dashplane.server.grafana;

import io.dashplane.server.datasource.Datasource;
import io.dashplane.server.datasource.DatasourceRequest;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.ExpectedVersion;
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
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grafana's datasource API: by numeric id, uid and name. {@code secureJsonData} is write-only; reads list the
 * stored secrets in {@code secureJsonFields}.
 */
@Path("/grafana/{env}/api/datasources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaDatasourceResource {
    private final DatasourceService datasources;
    private final EnvironmentService environments;

    public GrafanaDatasourceResource(DatasourceService datasources, EnvironmentService environments) {
        this.datasources = datasources;
        this.environments = environments;
    }

    @GET
    @Operation(summary = "Grafana: list datasources")
    public List<Map<String, Object>> list(@PathParam("env") String env) {
        Map<String, Long> ids = datasources.ids(env);
        long orgId = environments.get(env).orgId();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Datasource d : AllPages.of(page -> datasources.list(env, null, null, page))) {
            Map<String, Object> m = common(d, ids.getOrDefault(d.uid(), 0L), orgId);
            m.put("typeName", typeName(d.type()));
            m.put("isDefault", d.isDefault());
            m.put("jsonData", d.jsonData());
            m.put("readOnly", d.readOnly());
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Grafana: get a datasource by its numeric id")
    public Map<String, Object> getById(@PathParam("env") String env, @PathParam("id") String id) {
        return full(env, datasources.get(env, uidOf(env, id)));
    }

    @GET
    @Path("uid/{uid}")
    @Operation(summary = "Grafana: get a datasource by uid")
    public Map<String, Object> getByUid(@PathParam("env") String env, @PathParam("uid") String uid) {
        return full(env, datasources.get(env, uid));
    }

    @GET
    @Path("name/{name}")
    @Operation(summary = "Grafana: get a datasource by name")
    public Map<String, Object> getByName(@PathParam("env") String env, @PathParam("name") String name) {
        return full(env, datasources.getByName(env, name));
    }

    @GET
    @Path("id/{name}")
    @Operation(summary = "Grafana: the numeric id of a datasource by name")
    public Map<String, Object> idByName(@PathParam("env") String env, @PathParam("name") String name) {
        Datasource d = datasources.getByName(env, name);
        return Map.of("id", datasources.ids(env).getOrDefault(d.uid(), 0L));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: create a datasource")
    public Map<String, Object> create(@PathParam("env") String env, @Valid DatasourceRequest body) {
        Datasource d = datasources.create(env, RequestBodies.require(body));
        return written(env, d, "Datasource added");
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: update a datasource by its numeric id")
    public Map<String, Object> updateById(@PathParam("env") String env, @PathParam("id") String id,
                                          @Valid DatasourceRequest body) {
        return update(env, uidOf(env, id), RequestBodies.require(body));
    }

    @PUT
    @Path("uid/{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: update a datasource by uid")
    public Map<String, Object> updateByUid(@PathParam("env") String env, @PathParam("uid") String uid,
                                           @Valid DatasourceRequest body) {
        return update(env, uid, RequestBodies.require(body));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Grafana: delete a datasource by its numeric id")
    public Map<String, Object> deleteById(@PathParam("env") String env, @PathParam("id") String id) {
        return delete(env, uidOf(env, id));
    }

    @DELETE
    @Path("uid/{uid}")
    @Operation(summary = "Grafana: delete a datasource by uid")
    public Map<String, Object> deleteByUid(@PathParam("env") String env, @PathParam("uid") String uid) {
        return delete(env, uid);
    }

    @DELETE
    @Path("name/{name}")
    @Operation(summary = "Grafana: delete a datasource by name")
    public Map<String, Object> deleteByName(@PathParam("env") String env, @PathParam("name") String name) {
        return delete(env, datasources.getByName(env, name).uid());
    }

    private Map<String, Object> update(String env, String uid, DatasourceRequest request) {
        datasources.get(env, uid); // Grafana updates only what exists: 404 otherwise
        ExpectedVersion expected = request.version() == null || request.version() == 0 ? ExpectedVersion.NONE
                : ExpectedVersion.exactly(request.version());
        Datasource d = datasources.put(env, uid, grafanaUpdate(env, uid, request), expected).value();
        return written(env, d, "Datasource updated");
    }

    private Map<String, Object> delete(String env, String uid) {
        long id = datasources.ids(env).getOrDefault(uid, 0L);
        datasources.delete(env, uid, false, ExpectedVersion.NONE);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "Data source deleted");
        out.put("id", id);
        return out;
    }

    private String uidOf(String env, String id) {
        return GrafanaFolderResource.parseId(id).flatMap(n -> datasources.uidById(env, n))
                .orElseThrow(() -> new GrafanaRefusal(GrafanaRefusal.Kind.NOT_FOUND, "Data source not found"));
    }

    private Map<String, Object> written(String env, Datasource d, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> full = full(env, d);
        out.put("datasource", full);
        out.put("id", full.get("id"));
        out.put("message", message);
        out.put("name", d.name());
        return out;
    }

    /** The members Grafana's list items and single datasources share, in Grafana's order. */
    private static Map<String, Object> common(Datasource d, long id, long orgId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("uid", d.uid());
        m.put("orgId", orgId);
        m.put("name", d.name());
        m.put("type", d.type());
        m.put("typeLogoUrl", logo(d.type()));
        m.put("access", d.access());
        m.put("url", d.url());
        m.put("user", d.user());
        m.put("database", d.database());
        m.put("basicAuth", d.basicAuth());
        return m;
    }

    private Map<String, Object> full(String env, Datasource d) {
        Map<String, Object> m = common(d, datasources.ids(env).getOrDefault(d.uid(), 0L), environments.get(env).orgId());
        m.put("basicAuthUser", d.basicAuthUser());
        m.put("withCredentials", d.withCredentials());
        m.put("isDefault", d.isDefault());
        m.put("jsonData", d.jsonData());
        m.put("secureJsonFields", d.secureJsonFields());
        m.put("version", d.version());
        m.put("readOnly", d.readOnly());
        return m;
    }

    /**
     * Grafana merges {@code secureJsonData} on update (a secret not sent is kept), where the native PUT replaces
     * the set: the door sends the stored secrets with the new ones over them.
     */
    private DatasourceRequest grafanaUpdate(String env, String uid, DatasourceRequest r) {
        Map<String, String> secrets = null;
        if (r.secureJsonData() != null) {
            secrets = new LinkedHashMap<>(datasources.decryptSecrets(env, uid));
            secrets.putAll(r.secureJsonData());
        }
        return new DatasourceRequest(r.uid() == null ? uid : r.uid(), r.name(), r.type(), r.access(), r.url(),
                r.basicAuth(), r.basicAuthUser(), r.user(), r.database(), r.withCredentials(), r.isDefault(), r.readOnly(),
                r.jsonData(),
                secrets, r.version());
    }

    private static String logo(String type) {
        return "public/app/plugins/datasource/" + type + "/img/" + type + "_logo.svg";
    }

    private static String typeName(String type) {
        return type.isEmpty() ? type : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
    }
}
