package io.dashplane.server.dashboard;

import io.dashplane.server.http.ETags;
import io.dashplane.server.http.Paging;
import io.dashplane.server.http.QueryFlag;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api/v1/environments/{env}/dashboards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboards")
public final class DashboardResource {
    private final DashboardService service;
    private final DashboardReads reads;
    private final TargetLinks links;

    public DashboardResource(DashboardService service, DashboardReads reads, TargetLinks links) {
        this.service = service;
        this.reads = reads;
        this.links = links;
    }

    @GET
    @Operation(summary = "Search dashboards by title substring, tags (all must match) and folder")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DashboardResponses.SearchPage.class)))
    public Response search(@PathParam("env") String env, @QueryParam("query") String query,
                           @QueryParam("tag") List<String> tags, @QueryParam("folderUid") String folderUid,
                           @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        byte[] json = reads.search(env, new DashboardQuery(query, tags, folderUid), Paging.parse(page, perPage));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a dashboard (dryRun=true validates only)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DashboardWriteResult.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DashboardWriteResult.class)))
    public Response create(@PathParam("env") String env, @QueryParam("dryRun") QueryFlag dryRun,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid DashboardWriteRequest body) {
        DashboardWriteRequest r = RequestBodies.require(body);
        DashboardWriteResult result = service.create(env, toWrite(r, ifMatch), QueryFlag.isSet(dryRun));
        return writeResponse(env, result);
    }

    @POST
    @Path("_read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get many dashboards in one request: for each stored uid the body GET by uid answers, and the uids not stored")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DashboardResponses.BulkRead.class)))
    public Response readMany(@PathParam("env") String env, @Valid DashboardReadRequest body) {
        DashboardReadRequest r = RequestBodies.require(body);
        return Response.ok(reads.getAll(env, r.uids()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Get a dashboard: the JSON exactly as written plus metadata")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DashboardResponses.Read.class)))
    public Response get(@PathParam("env") String env, @PathParam("uid") String uid) {
        DashboardReads.Body body = reads.get(env, uid);
        return ETags.tag(Response.ok(body.json(), MediaType.APPLICATION_JSON_TYPE), body.version()).build();
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a dashboard (dryRun=true validates only)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DashboardWriteResult.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DashboardWriteResult.class)))
    public Response put(@PathParam("env") String env, @PathParam("uid") String uid,
                        @QueryParam("dryRun") QueryFlag dryRun, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid DashboardWriteRequest body) {
        DashboardWriteRequest r = RequestBodies.require(body);
        DashboardWriteResult result = service.put(env, uid, toWrite(r, ifMatch), QueryFlag.isSet(dryRun));
        return writeResponse(env, result);
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Delete a dashboard and its history")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, uid, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    @GET
    @Path("{uid}/versions")
    @Operation(summary = "List a dashboard's versions, newest first")
    public Page<DashboardResponses.VersionSummary> versions(@PathParam("env") String env, @PathParam("uid") String uid,
                                                            @QueryParam("page") String page,
                                                            @QueryParam("perPage") String perPage) {
        return service.versions(env, uid, Paging.parse(page, perPage)).map(DashboardResponses.VersionSummary::of);
    }

    @GET
    @Path("{uid}/versions/{version}")
    @Operation(summary = "Get one version of a dashboard")
    public DashboardResponses.VersionRead version(@PathParam("env") String env, @PathParam("uid") String uid,
                                                  @PathParam("version") String version) {
        return DashboardResponses.VersionRead.of(service.version(env, uid, parseVersion(version)));
    }

    @POST
    @Path("{uid}/versions/{version}/restore")
    @Operation(summary = "Restore a version: writes its JSON as a new version")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DashboardWriteResult.class)))
    public Response restore(@PathParam("env") String env, @PathParam("uid") String uid,
                            @PathParam("version") String version, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        DashboardWriteResult result = service.restore(env, uid, parseVersion(version), ETags.expected(ifMatch, null));
        return ETags.tag(Response.ok(linked(env, result)), result.version()).build();
    }

    private static DashboardWrite toWrite(DashboardWriteRequest r, String ifMatch) {
        return r.toWrite(ETags.expected(ifMatch, r.version()));
    }

    private DashboardWriteResult linked(String env, DashboardWriteResult result) {
        return result.withTargetUrls(links.forEnvironment(env).urls(result.folderUid(), result.url()));
    }

    private Response writeResponse(String env, DashboardWriteResult written) {
        DashboardWriteResult result = linked(env, written);
        Response.ResponseBuilder b = result.created() && !result.dryRun()
                ? Response.created(URI.create("/api/v1/environments/" + env + "/dashboards/" + result.uid()))
                : Response.ok();
        return ETags.tag(b, result.version()).entity(result).build();
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("no such version: the path parameter 'version' is a positive whole number");
        }
    }
}
