package io.dashplane.server.grafana;

import io.dashplane.server.auth.AuthFilter;
import io.dashplane.server.auth.Principal;
import io.dashplane.server.environment.Environment;
import io.dashplane.server.environment.EnvironmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Grafana clients check before they start: health, version, the organization and the calling user. */
@Path("/grafana/{env}/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaMetaResource {
    private final EnvironmentService environments;

    public GrafanaMetaResource(EnvironmentService environments) {
        this.environments = environments;
    }

    @GET
    @Path("health")
    @Operation(summary = "Grafana: health and version")
    public Map<String, Object> health(@PathParam("env") String env) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commit", GrafanaVersion.COMMIT);
        m.put("database", "ok");
        m.put("version", GrafanaVersion.VERSION);
        return m;
    }

    @GET
    @Path("frontend/settings")
    @Operation(summary = "Grafana: front-end settings (build info, features)")
    public Map<String, Object> frontendSettings(@PathParam("env") String env) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("version", GrafanaVersion.VERSION);
        build.put("commit", GrafanaVersion.COMMIT);
        build.put("edition", "Open Source");
        build.put("env", "production");
        build.put("hideVersion", false);
        build.put("hasUpdate", false);
        build.put("latestVersion", "");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buildInfo", build);
        m.put("appSubUrl", "");
        m.put("unifiedAlertingEnabled", true);
        m.put("featureToggles", Map.of("nestedFolders", true));
        return m;
    }

    @GET
    @Path("org")
    @Operation(summary = "Grafana: the current organization (the environment)")
    public Map<String, Object> org(@PathParam("env") String env) {
        Environment e = environments.get(env);
        Map<String, Object> address = new LinkedHashMap<>();
        for (String k : List.of("address1", "address2", "city", "zipCode", "state", "country")) {
            address.put(k, "");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.orgId());
        m.put("name", e.name());
        m.put("address", address);
        return m;
    }

    @GET
    @Path("user")
    @Operation(summary = "Grafana: the calling user (the service account)")
    public Map<String, Object> user(@PathParam("env") String env, @Context ContainerRequestContext request) {
        Principal p = (Principal) request.getProperty(AuthFilter.PRINCIPAL);
        Environment e = environments.get(env);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 0);
        m.put("uid", p.accountId());
        m.put("email", "");
        m.put("name", p.name());
        m.put("login", p.name());
        m.put("theme", "");
        m.put("orgId", e.orgId());
        m.put("isGrafanaAdmin", p.serverAdmin());
        m.put("isDisabled", false);
        m.put("isExternal", false);
        m.put("authLabels", List.of());
        m.put("avatarUrl", "");
        return m;
    }

    @POST
    @Path("user/using/{orgId}")
    @Operation(summary = "Grafana: switch organization (the URL or X-Grafana-Org-Id chooses it here)")
    public Map<String, Object> switchOrg(@PathParam("env") String env, @PathParam("orgId") String orgId) {
        return Map.of("message", "Active organization changed");
    }
}
