package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.RuleGroupService;
import io.dashplane.server.alerting.RuleGroupView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/environments/{env}/rule-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerting")
public final class RuleGroupResource {
    private final RuleGroupService service;
    private final AlertingResponses responses;

    public RuleGroupResource(AlertingServices alerting) {
        this.service = alerting.ruleGroups();
        this.responses = new AlertingResponses(alerting.mapper());
    }

    @GET
    @Operation(summary = "List rule groups (all, or those of folderUid)")
    public Page<ObjectNode> list(@PathParam("env") String env, @QueryParam("folderUid") String folderUid,
                                 @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(env, folderUid, Paging.parse(page, perPage)).map(responses::ruleGroup);
    }

    @GET
    @Path("{folderUid}/{name}")
    @Operation(summary = "Get a rule group with the uids of its rules in evaluation order")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response get(@PathParam("env") String env, @PathParam("folderUid") String folderUid,
                        @PathParam("name") String name) {
        RuleGroupView view = service.get(env, folderUid, name);
        return WriteResponses.read(responses.ruleGroup(view), view.group().meta().version());
    }

    @PUT
    @Path("{folderUid}/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a rule group or change its interval")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response put(@PathParam("env") String env, @PathParam("folderUid") String folderUid,
                        @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid RuleGroupRequest body) {
        RuleGroupRequest request = RequestBodies.require(body);
        AlertingWrite<RuleGroupView> write = service.put(env, folderUid, name, request.ruleGroup(),
                ETags.expected(ifMatch, request.version()));
        return WriteResponses.write(responses.withWarnings(responses.ruleGroup(write.value()), write),
                write.value().group().meta().version(), write.created(),
                WriteResponses.base(env) + "/rule-groups/" + WriteResponses.segment(folderUid) + "/" + WriteResponses.segment(name));
    }

    @DELETE
    @Path("{folderUid}/{name}")
    @Operation(summary = "Delete a rule group (force=true deletes its rules too)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("folderUid") String folderUid,
                           @PathParam("name") String name, @QueryParam("force") QueryFlag force,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, folderUid, name, QueryFlag.isSet(force), ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }
}
