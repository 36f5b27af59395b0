package io.dashplane.server.bundle;

import io.dashplane.server.audit.Actor;
import io.dashplane.server.http.Paging;
import io.dashplane.server.http.ProblemException;
import io.dashplane.server.promotion.PromotionOutcome;
import io.dashplane.server.promotion.PromotionResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET .../environments/{env}/export} and {@code POST .../environments/{env}/import}. The class path is
 * the environments collection (Jersey merges it with {@link io.dashplane.server.environment.EnvironmentResource}):
 * a class path of {@code /api/v1/environments/{env}} would win the root-resource match for
 * {@code GET /api/v1/environments/default} and answer it 404.
 */
@Path("/api/v1/environments")
@Tag(name = "bundles")
public final class BundleResource {
    private final BundleService service;

    public BundleResource(BundleService service) {
        this.service = service;
    }

    @GET
    @Path("{env}/export")
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(summary = "Export the environment (or a selection) as a bundle; secrets are listed as inputs")
    public Response export(@PathParam("env") String env, @QueryParam("format") String format,
                           @QueryParam("datasource") List<String> datasources, @QueryParam("folder") List<String> folders,
                           @QueryParam("dashboard") List<String> dashboards, @QueryParam("tag") List<String> tags,
                           @QueryParam("dashboardFolder") List<String> dashboardFolders,
                           @QueryParam("ruleGroup") List<String> ruleGroups, @QueryParam("rule") List<String> rules,
                           @QueryParam("contactPoint") List<String> contactPoints,
                           @QueryParam("policies") String policies,
                           @QueryParam("muteTiming") List<String> muteTimings,
                           @QueryParam("template") List<String> templates) {
        BundleService.Format f;
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            f = BundleService.Format.JSON;
        } else if (format.equalsIgnoreCase("yaml")) {
            f = BundleService.Format.YAML;
        } else {
            throw ProblemException.badParameter("format", "format must be json or yaml, was " + format);
        }
        ContentSelection selection = new ContentSelection(false, datasources, folders, dashboards, tags,
                dashboardFolders, ruleGroups, rules, contactPoints, Paging.flag("policies", policies), muteTimings, templates);
        String text = service.export(env, selection, f);
        return Response.ok(text, f == BundleService.Format.YAML ? "application/yaml" : MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("{env}/import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan (dryRun=true) or apply a bundle import (JSON, YAML, or {bundle, secrets})")
    public PromotionOutcome importBundle(@PathParam("env") String env, @QueryParam("dryRun") String dryRun,
                                         @QueryParam("prune") String prune,
                                         String body) {
        return service.importBundle(env, body, Paging.flag("dryRun", dryRun), Paging.flag("prune", prune), Actor.current().name());
    }
}
