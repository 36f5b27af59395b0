package io.dashplane.server.sync.api;

import io.dashplane.server.sync.SyncLinks;

import io.dashplane.server.auth.AuthFilter;
import io.dashplane.server.auth.Principal;
import io.dashplane.server.auth.Role;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.environment.Environment;
import io.dashplane.server.environment.EnvironmentRepository;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The dashboard {@code url} Dashplane hands out ({@code /d/<uid>/<slug>}) leads to the dashboard: a 302 to it in
 * the first (by name) enabled target of its environment whose scope holds it, else to the Grafana-compatible
 * door's JSON of it. The environment is {@code ?env=}, or the one environment readable by the caller that has the
 * uid (409 naming them when several have it).
 */
@Path("/d/{uid}/{slug}")
@Tag(name = "sync targets")
public final class DashboardLinkResource {
    private final Database db;
    private final EnvironmentRepository environments;
    private final DashboardRepository dashboards;
    private final SyncLinks links;

    public DashboardLinkResource(Database db, EnvironmentRepository environments, DashboardRepository dashboards,
                                 SyncLinks links) {
        this.db = db;
        this.environments = environments;
        this.dashboards = dashboards;
        this.links = links;
    }

    @GET
    @Operation(summary = "Redirect to the dashboard in its environment's first sync target (or the Grafana door)")
    @ApiResponse(responseCode = "302", description = "Redirect to the dashboard in the Grafana of the chosen sync target")
    public Response open(@PathParam("uid") String uid, @PathParam("slug") String slug, @QueryParam("env") String env,
                         @Context ContainerRequestContext request) {
        Principal principal = (Principal) request.getProperty(AuthFilter.PRINCIPAL);
        List<String> candidates = db.read(tx -> environments.list(tx, 0, Integer.MAX_VALUE).stream()
                .map(Environment::name)
                .filter(e -> env == null || e.equals(env))
                .filter(e -> principal != null && principal.has(e, Role.VIEWER))
                .filter(e -> dashboards.find(tx, e, uid).isPresent()).toList());
        if (candidates.isEmpty()) {
            throw DomainException.notFound("no dashboard '" + uid + "'" + (env == null ? "" : " in environment '" + env + "'"));
        }
        if (candidates.size() > 1) {
            throw DomainException.conflict("dashboard '" + uid + "' exists in environments " + candidates
                    + "; choose one with ?env=", Map.of("environments", candidates));
        }
        String e = candidates.get(0);
        String folderUid = db.read(tx -> dashboards.find(tx, e, uid)).map(d -> d.folderUid()).orElse(null);
        String path = io.dashplane.server.dashboard.DashboardUrls.of(uid,
                db.read(tx -> dashboards.find(tx, e, uid)).map(d -> d.title()).orElse(slug));
        Map<String, String> urls = links.forEnvironment(e).urls(folderUid, path);
        URI location = urls.isEmpty() ? URI.create("/grafana/" + e + "/api/dashboards/uid/" + uid)
                : URI.create(urls.values().iterator().next());
        return Response.status(Response.Status.FOUND).location(location).build();
    }
}
