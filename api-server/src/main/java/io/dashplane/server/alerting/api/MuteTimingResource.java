package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.MuteTimingService;
import io.dashplane.server.alerting.StoredMuteTiming;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.http.ETags;
import io.dashplane.server.http.Paging;
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

@Path("/api/v1/environments/{env}/mute-timings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerting")
public final class MuteTimingResource {
    private final MuteTimingService service;
    private final AlertingResponses responses;

    public MuteTimingResource(AlertingServices alerting) {
        this.service = alerting.muteTimings();
        this.responses = new AlertingResponses(alerting.mapper());
    }

    @GET
    @Operation(summary = "List mute timings")
    public Page<ObjectNode> list(@PathParam("env") String env, @QueryParam("page") String page,
                                 @QueryParam("perPage") String perPage) {
        return service.list(env, Paging.parse(page, perPage)).map(responses::muteTiming);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a mute timing")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response create(@PathParam("env") String env, @Valid MuteTimingRequest body) {
        MuteTimingRequest request = RequestBodies.require(body);
        return writeResponse(env, service.create(env, request.uid(), request.muteTiming()));
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Get a mute timing by uid")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response get(@PathParam("env") String env, @PathParam("uid") String uid) {
        return readResponse(service.get(env, uid));
    }

    @GET
    @Path("name/{name}")
    @Operation(summary = "Get a mute timing by name")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response getByName(@PathParam("env") String env, @PathParam("name") String name) {
        return readResponse(service.getByName(env, name));
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a mute timing by uid (a rename is refused while it is referenced)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response put(@PathParam("env") String env, @PathParam("uid") String uid,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid MuteTimingRequest body) {
        MuteTimingRequest request = RequestBodies.require(body);
        if (request.uid() != null && !request.uid().equals(uid)) {
            throw DomainException.invalid("/uid", "uid in the body differs from the uid in the path");
        }
        return writeResponse(env, service.put(env, uid, request.muteTiming(), ETags.expected(ifMatch, request.version())));
    }

    @PUT
    @Path("name/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a mute timing by name")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response putByName(@PathParam("env") String env, @PathParam("name") String name,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid MuteTimingRequest body) {
        MuteTimingRequest request = RequestBodies.require(body);
        return writeResponse(env, service.putByName(env, name, request.muteTiming(),
                ETags.expected(ifMatch, request.version())));
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Delete a mute timing by uid (409 listing the referrers while routes or rules use it)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, uid, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    @DELETE
    @Path("name/{name}")
    @Operation(summary = "Delete a mute timing by name")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response deleteByName(@PathParam("env") String env, @PathParam("name") String name,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.deleteByName(env, name, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    private Response readResponse(StoredMuteTiming timing) {
        return WriteResponses.read(responses.muteTiming(timing), timing.meta().version());
    }

    private Response writeResponse(String env, AlertingWrite<StoredMuteTiming> write) {
        StoredMuteTiming timing = write.value();
        return WriteResponses.write(responses.withWarnings(responses.muteTiming(timing), write), timing.meta().version(),
                write.created(), WriteResponses.base(env) + "/mute-timings/" + timing.uid());
    }
}
