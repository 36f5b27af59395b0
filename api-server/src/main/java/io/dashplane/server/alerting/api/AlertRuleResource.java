package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.alerting.AlertRuleService;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.StoredAlertRule;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.http.ETags;
import io.dashplane.server.http.Paging;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.ExpectedVersion;
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

@Path("/api/v1/environments/{env}/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerting")
public final class AlertRuleResource {
    private final AlertRuleService service;
    private final AlertingResponses responses;

    public AlertRuleResource(AlertingServices alerting) {
        this.service = alerting.rules();
        this.responses = new AlertingResponses(alerting.mapper());
    }

    @GET
    @Operation(summary = "List alert and recording rules (filter by folderUid and ruleGroup)")
    public Page<ObjectNode> list(@PathParam("env") String env, @QueryParam("folderUid") String folderUid,
                                 @QueryParam("ruleGroup") String ruleGroup, @QueryParam("page") String page,
                                 @QueryParam("perPage") String perPage) {
        return service.list(env, folderUid, ruleGroup, Paging.parse(page, perPage)).map(responses::rule);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an alert or recording rule in an existing rule group")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response create(@PathParam("env") String env, @Valid AlertRuleRequest body) {
        return writeResponse(env, service.create(env, RequestBodies.require(body).rule()));
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Get a rule")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response get(@PathParam("env") String env, @PathParam("uid") String uid) {
        StoredAlertRule rule = service.get(env, uid);
        return WriteResponses.read(responses.rule(rule), rule.meta().version());
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a rule; another folderUID/ruleGroup moves it (uid and history stay)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response put(@PathParam("env") String env, @PathParam("uid") String uid,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid AlertRuleRequest body) {
        AlertRuleRequest request = RequestBodies.require(body);
        return writeResponse(env, service.put(env, uid, request.rule(), ETags.expected(ifMatch, request.version())));
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Delete a rule and its history")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, uid, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    @GET
    @Path("{uid}/versions")
    @Operation(summary = "List a rule's versions, newest first")
    public Page<ObjectNode> versions(@PathParam("env") String env, @PathParam("uid") String uid,
                                     @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.versions(env, uid, Paging.parse(page, perPage)).map(responses::ruleVersionSummary);
    }

    @GET
    @Path("{uid}/versions/{version}")
    @Operation(summary = "Get one version of a rule")
    public ObjectNode version(@PathParam("env") String env, @PathParam("uid") String uid,
                              @PathParam("version") String version) {
        return responses.ruleVersion(service.version(env, uid, parseVersion(version)));
    }

    @POST
    @Path("{uid}/versions/{version}/restore")
    @Operation(summary = "Restore a version: writes its content as a new version; the rule stays in its group")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response restore(@PathParam("env") String env, @PathParam("uid") String uid,
                            @PathParam("version") String version, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ExpectedVersion expected = ETags.expected(ifMatch, null);
        return writeResponse(env, service.restore(env, uid, parseVersion(version), expected));
    }

    private Response writeResponse(String env, AlertingWrite<StoredAlertRule> write) {
        StoredAlertRule rule = write.value();
        return WriteResponses.write(responses.withWarnings(responses.rule(rule), write), rule.meta().version(),
                write.created(), WriteResponses.base(env) + "/alert-rules/" + rule.uid());
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("no such version: the path parameter 'version' is a positive whole number");
        }
    }
}
