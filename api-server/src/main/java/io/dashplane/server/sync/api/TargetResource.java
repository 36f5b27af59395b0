package io.dashplane.server.sync.api;

import io.dashplane.server.sync.SyncPlan;
import io.dashplane.server.sync.SyncService;
import io.dashplane.server.sync.SyncTarget;
import io.dashplane.server.sync.SyncTargetRequest;
import io.dashplane.server.sync.TargetService;
import io.dashplane.server.sync.TargetStatus;

import io.dashplane.server.http.ETags;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.WriteResult;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api/v1/environments/{env}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sync targets")
public final class TargetResource {
    private final TargetService targets;
    private final SyncService sync;

    public TargetResource(TargetService targets, SyncService sync) {
        this.targets = targets;
        this.sync = sync;
    }

    @GET
    @Operation(summary = "List the Grafana instances this environment keeps in sync")
    public Page<SyncTarget> list(@PathParam("env") String env) {
        List<SyncTarget> all = targets.list(env);
        return new Page<>(all, all.size(), 1, Math.max(1, all.size()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a sync target (the token is write-only)")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SyncTarget.class)))
    public Response create(@PathParam("env") String env, SyncTargetRequest body) {
        SyncTarget t = targets.create(env, RequestBodies.require(body));
        return ETags.tag(Response.created(location(env, t.name())), t.version()).entity(t).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Get a sync target")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SyncTarget.class)))
    public Response get(@PathParam("env") String env, @PathParam("name") String name) {
        SyncTarget t = targets.get(env, name);
        return ETags.tag(Response.ok(t), t.version()).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace (or create) a sync target; an omitted token keeps the stored one")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SyncTarget.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SyncTarget.class)))
    public Response put(@PathParam("env") String env, @PathParam("name") String name,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SyncTargetRequest body) {
        SyncTargetRequest request = RequestBodies.require(body);
        WriteResult<SyncTarget> result = targets.put(env, name, request, ETags.expected(ifMatch, request.version()));
        Response.ResponseBuilder b = result.created() ? Response.created(location(env, name)) : Response.ok();
        return ETags.tag(b, result.value().version()).entity(result.value()).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a sync target (objects already in its Grafana stay there)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("name") String name,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        targets.delete(env, name, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/status")
    @Operation(summary = "The target's sync state and the state of every object it manages")
    public TargetStatus status(@PathParam("env") String env, @PathParam("name") String name) {
        return sync.status(env, name);
    }

    @POST
    @Path("{name}/plan")
    @Operation(summary = "Dry run: what a sync would change in the target (nothing is written)")
    public SyncPlan plan(@PathParam("env") String env, @PathParam("name") String name) {
        return sync.plan(env, name);
    }

    @POST
    @Path("{name}/sync")
    @Operation(summary = "Run a sync now and return the status")
    public TargetStatus syncNow(@PathParam("env") String env, @PathParam("name") String name) {
        return sync.syncNow(env, name);
    }

    private static URI location(String env, String name) {
        return URI.create("/api/v1/environments/" + env + "/targets/" + name);
    }
}
