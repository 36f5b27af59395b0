package io.dashplane.server.bundle;

import io.dashplane.server.content.ContentSelection;
import io.dashplane.server.http.QueryFlag;
import io.dashplane.server.http.ProblemException;
import io.dashplane.server.promotion.PromotionOutcome;
import io.dashplane.server.promotion.PromotionResource;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** {@code GET .../environments/{env}/export}. (Own root paths: a root at {@code .../{env}} would shadow EnvironmentResource.) */
@Path("/api/v1/environments/{env}/export")
@Tag(name = "bundles")
public final class BundleExportResource {
    private final BundleService service;

    public BundleExportResource(BundleService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(summary = "Export the environment (or a selection) as a bundle; secrets are listed as inputs")
    @ApiResponse(responseCode = "200", description = "The bundle (docs/bundles.md)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
            @Content(mediaType = "application/yaml", schema = @Schema(type = "string"))})
    public Response export(@PathParam("env") String env, @QueryParam("format") String format,
                           @QueryParam("datasource") List<String> datasources, @QueryParam("folder") List<String> folders,
                           @QueryParam("dashboard") List<String> dashboards, @QueryParam("tag") List<String> tags,
                           @QueryParam("dashboardFolder") List<String> dashboardFolders,
                           @QueryParam("ruleGroup") List<String> ruleGroups, @QueryParam("rule") List<String> rules,
                           @QueryParam("contactPoint") List<String> contactPoints,
                           @QueryParam("policies") QueryFlag policies,
                           @QueryParam("muteTiming") List<String> muteTimings,
                           @QueryParam("template") List<String> templates) {
        BundleService.Format f;
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            f = BundleService.Format.JSON;
        } else if (format.equalsIgnoreCase("yaml")) {
            f = BundleService.Format.YAML;
        } else {
            throw ProblemException.badParameter("format", "query parameter 'format' must be json or yaml");
        }
        ContentSelection selection = new ContentSelection(false, datasources, folders, dashboards, tags,
                dashboardFolders, ruleGroups, rules, contactPoints, QueryFlag.isSet(policies), muteTimings, templates);
        String text = service.export(env, selection, f);
        return Response.ok(text, f == BundleService.Format.YAML ? "application/yaml" : MediaType.APPLICATION_JSON).build();
    }
}
