package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.MessageTemplateService;
import io.dashplane.server.alerting.StoredTemplate;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/environments/{env}/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerting")
public final class MessageTemplateResource {
    private final MessageTemplateService service;
    private final AlertingResponses responses;

    public MessageTemplateResource(AlertingServices alerting) {
        this.service = alerting.templates();
        this.responses = new AlertingResponses(alerting.mapper());
    }

    @GET
    @Operation(summary = "List message templates")
    public Page<ObjectNode> list(@PathParam("env") String env, @QueryParam("page") String page,
                                 @QueryParam("perPage") String perPage) {
        return service.list(env, Paging.parse(page, perPage)).map(responses::template);
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Get a message template")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response get(@PathParam("env") String env, @PathParam("name") String name) {
        StoredTemplate template = service.get(env, name);
        return WriteResponses.read(responses.template(template), template.meta().version());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a message template")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AlertingObjectShape.class)))
    public Response put(@PathParam("env") String env, @PathParam("name") String name,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid MessageTemplateRequest body) {
        MessageTemplateRequest request = RequestBodies.require(body);
        AlertingWrite<StoredTemplate> write = service.put(env, name, request.messageTemplate(),
                ETags.expected(ifMatch, request.version()));
        return WriteResponses.write(responses.withWarnings(responses.template(write.value()), write),
                write.value().meta().version(), write.created(),
                WriteResponses.base(env) + "/templates/" + WriteResponses.segment(name));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a message template")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("name") String name,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, name, ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }
}
