package io.dashplane.server.auth;

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
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Service accounts, their role grants per environment and their API tokens. */
@Path("/api/v1/service-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service accounts")
public final class ServiceAccountResource {
    private final ServiceAccountService service;

    public ServiceAccountResource(ServiceAccountService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List service accounts")
    public Page<ServiceAccount> list(@QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(Paging.parse(page, perPage));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a service account")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ServiceAccount.class)))
    public Response create(@Valid ServiceAccountRequest body) {
        ServiceAccount a = service.create(RequestBodies.require(body));
        return ETags.tag(Response.created(URI.create("/api/v1/service-accounts/" + a.id())), a.version())
                .entity(a).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a service account")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ServiceAccount.class)))
    public Response get(@PathParam("id") String id) {
        ServiceAccount a = service.get(id);
        return ETags.tag(Response.ok(a), a.version()).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a service account (name, description, serverAdmin, roles)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ServiceAccount.class)))
    public Response put(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid ServiceAccountRequest body) {
        ServiceAccount a = service.update(id, RequestBodies.require(body), ETags.expected(ifMatch, null)).value();
        return ETags.tag(Response.ok(a), a.version()).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a service account and its tokens")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/roles/{env}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a role (Viewer, Editor, Admin) in an environment")
    public ServiceAccount grant(@PathParam("id") String id, @PathParam("env") String env,
                                @Valid RoleGrantRequest body) {
        return service.grant(id, env, RequestBodies.require(body).role());
    }

    @DELETE
    @Path("{id}/roles/{env}")
    @Operation(summary = "Remove the account's role in an environment")
    public ServiceAccount revokeRole(@PathParam("id") String id, @PathParam("env") String env) {
        return service.revoke(id, env);
    }

    @GET
    @Path("{id}/tokens")
    @Operation(summary = "List the account's tokens (never their secrets)")
    public Map<String, List<ApiToken>> tokens(@PathParam("id") String id) {
        return Map.of("items", service.tokens(id));
    }

    @POST
    @Path("{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token; the answer is the only time its secret is shown")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CreatedToken.class)))
    public Response createToken(@PathParam("id") String id, TokenRequest body) {
        CreatedToken t = service.createToken(id, body);
        return Response.created(URI.create("/api/v1/service-accounts/" + id + "/tokens/" + t.info().id()))
                .entity(t).build();
    }

    @DELETE
    @Path("{id}/tokens/{tokenId}")
    @Operation(summary = "Revoke a token")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response revokeToken(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
        service.revokeToken(id, tokenId);
        return Response.noContent().build();
    }
}
