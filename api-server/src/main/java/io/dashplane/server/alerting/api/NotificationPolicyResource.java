package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.NotificationPolicyService;
import io.dashplane.server.alerting.PolicyTree;
import io.dashplane.server.alerting.StoredPolicyRoot;
import io.dashplane.server.alerting.StoredRoute;
import io.dashplane.server.http.ETags;
import io.dashplane.server.http.Paging;
import io.dashplane.server.http.QueryFlag;
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

@Path("/api/v1/environments/{env}/notification-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerting")
public final class NotificationPolicyResource {
    private final NotificationPolicyService service;
    private final AlertingResponses responses;

    public NotificationPolicyResource(AlertingServices alerting) {
        this.service = alerting.policies();
        this.responses = new AlertingResponses(alerting.mapper());
    }

    @GET
    @Operation(summary = "Get the assembled notification policy tree (version 0 while no root was written)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response tree(@PathParam("env") String env) {
        PolicyTree tree = service.tree(env);
        return WriteResponses.read(responses.policyTree(tree), tree.root() == null ? 0 : tree.root().meta().version());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write the root: default receiver, group_by, timings (nested routes are separate)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response putRoot(@PathParam("env") String env, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid PolicyRootRequest body) {
        PolicyRootRequest request = RequestBodies.require(body);
        AlertingWrite<StoredPolicyRoot> write = service.putRoot(env, request.route(),
                ETags.expected(ifMatch, request.version()));
        return WriteResponses.write(responses.withWarnings(responses.policyRoot(write.value()), write),
                write.value().meta().version(), write.created(), WriteResponses.base(env) + "/notification-policy");
    }

    @DELETE
    @Operation(summary = "Remove the root's fields (routes stay)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response deleteRoot(@PathParam("env") String env, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.deleteRoot(env, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    @GET
    @Path("routes")
    @Operation(summary = "List routes (all, or the children of parentUid; parentUid= empty: children of the root)")
    public Page<ObjectNode> routes(@PathParam("env") String env, @QueryParam("parentUid") String parentUid,
                                   @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.routes(env, parentUid, Paging.parse(page, perPage)).map(responses::route);
    }

    @POST
    @Path("routes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a route")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response createRoute(@PathParam("env") String env, @Valid RouteRequest body) {
        return routeResponse(env, service.createRoute(env, RequestBodies.require(body).write()));
    }

    @GET
    @Path("routes/{uid}")
    @Operation(summary = "Get a route (its own fields, parentUid and position)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response route(@PathParam("env") String env, @PathParam("uid") String uid) {
        StoredRoute route = service.route(env, uid);
        return WriteResponses.read(responses.route(route), route.meta().version());
    }

    @PUT
    @Path("routes/{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a route; another parentUid or position moves it")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response putRoute(@PathParam("env") String env, @PathParam("uid") String uid,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid RouteRequest body) {
        RouteRequest request = RequestBodies.require(body);
        return routeResponse(env, service.putRoute(env, uid, request.write(), ETags.expected(ifMatch, request.version())));
    }

    @DELETE
    @Path("routes/{uid}")
    @Operation(summary = "Delete a route (force=true deletes its child routes too)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response deleteRoute(@PathParam("env") String env, @PathParam("uid") String uid,
                                @QueryParam("force") QueryFlag force, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.deleteRoute(env, uid, QueryFlag.isSet(force), ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    private Response routeResponse(String env, AlertingWrite<StoredRoute> write) {
        StoredRoute route = write.value();
        return WriteResponses.write(responses.withWarnings(responses.route(route), write), route.meta().version(),
                write.created(), WriteResponses.base(env) + "/notification-policy/routes/" + route.uid());
    }
}
