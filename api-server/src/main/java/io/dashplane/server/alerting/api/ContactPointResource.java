package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.ContactPointService;
import io.dashplane.server.alerting.StoredContactPoint;
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

@Path("/api/v1/environments/{env}/contact-points")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerting")
public final class ContactPointResource {
    private final ContactPointService service;
    private final AlertingResponses responses;

    public ContactPointResource(AlertingServices alerting) {
        this.service = alerting.contactPoints();
        this.responses = new AlertingResponses(alerting.mapper());
    }

    @GET
    @Operation(summary = "List contact points (optionally the one named name)")
    public Page<ObjectNode> list(@PathParam("env") String env, @QueryParam("name") String name,
                                 @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(env, name, Paging.parse(page, perPage)).map(responses::contactPoint);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact point")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response create(@PathParam("env") String env, @Valid ContactPointRequest body) {
        return writeResponse(env, service.create(env, RequestBodies.require(body).contactPoint()));
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Get a contact point; secret settings are listed in secureFields, never returned")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response get(@PathParam("env") String env, @PathParam("uid") String uid) {
        StoredContactPoint contactPoint = service.get(env, uid);
        return WriteResponses.read(responses.contactPoint(contactPoint), contactPoint.meta().version());
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a contact point; omitted secrets of an integration with the same uid are kept")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response put(@PathParam("env") String env, @PathParam("uid") String uid,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid ContactPointRequest body) {
        ContactPointRequest request = RequestBodies.require(body);
        return writeResponse(env, service.put(env, uid, request.contactPoint(), ETags.expected(ifMatch, request.version())));
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Delete a contact point (409 listing the referrers while routes or rules use it)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, uid, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    private Response writeResponse(String env, AlertingWrite<StoredContactPoint> write) {
        StoredContactPoint contactPoint = write.value();
        return WriteResponses.write(responses.withWarnings(responses.contactPoint(contactPoint), write),
                contactPoint.meta().version(), write.created(), WriteResponses.base(env) + "/contact-points/" + contactPoint.uid());
    }
}
