package io.dashplane.server.environment;

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
import jakarta.ws.rs.PATCH;
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

@Path("/api/v1/environments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "environments")
public final class EnvironmentResource {
    private final EnvironmentService service;

    public EnvironmentResource(EnvironmentService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List environments")
    public Page<Environment> list(@QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(Paging.parse(page, perPage));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an environment")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Environment.class)))
    public Response create(@Valid EnvironmentRequest body) {
        Environment env = service.create(RequestBodies.require(body));
        return ETags.tag(Response.created(URI.create("/api/v1/environments/" + env.name())), env.version())
                .entity(env).build();
    }

    @GET
    @Path("{env}")
    @Operation(summary = "Get an environment")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Environment.class)))
    public Response get(@PathParam("env") String name) {
        Environment env = service.get(name);
        return ETags.tag(Response.ok(env), env.version()).build();
    }

    @PUT
    @Path("{env}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an environment's description and validation mode (strict or warn)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Environment.class)))
    public Response replace(@PathParam("env") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid EnvironmentUpdate body) {
        return updated(name, ifMatch, body, false);
    }

    @PATCH
    @Path("{env}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an environment's description or validation mode, keeping what is absent "
            + "(If-Match or version: compare-and-set)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Environment.class)))
    public Response update(@PathParam("env") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid EnvironmentUpdate body) {
        return updated(name, ifMatch, body, true);
    }

    /** {@code partial}: PATCH keeps absent members; PUT replaces them with the create defaults. */
    private Response updated(String name, String ifMatch, EnvironmentUpdate body, boolean partial) {
        EnvironmentUpdate r = RequestBodies.require(body);
        Environment env = service.update(name, r, ETags.expected(ifMatch, r.version()), partial);
        return ETags.tag(Response.ok(env), env.version()).build();
    }

    @DELETE
    @Path("{env}")
    @Operation(summary = "Delete an environment (force=true deletes its content)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String name, @QueryParam("force") QueryFlag force) {
        service.delete(name, QueryFlag.isSet(force));
        return Response.noContent().build();
    }
}
