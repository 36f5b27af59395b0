package io.dashplane.server.datasource;

import io.dashplane.server.http.ETags;
import io.dashplane.server.http.Paging;
import io.dashplane.server.http.QueryFlag;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.WriteResult;
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

@Path("/api/v1/environments/{env}/datasources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasources")
public final class DatasourceResource {
    private final DatasourceService service;

    public DatasourceResource(DatasourceService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List datasources, optionally filtered by name and type")
    public Page<Datasource> list(@PathParam("env") String env, @QueryParam("name") String name,
                                 @QueryParam("type") String type, @QueryParam("page") String page,
                                 @QueryParam("perPage") String perPage) {
        return service.list(env, name, type, Paging.parse(page, perPage));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a datasource")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Datasource.class)))
    public Response create(@PathParam("env") String env, @Valid DatasourceRequest body) {
        Datasource d = service.create(env, RequestBodies.require(body));
        return ETags.tag(Response.created(location(env, d.uid())), d.version()).entity(d).build();
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Get a datasource by uid")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Datasource.class)))
    public Response get(@PathParam("env") String env, @PathParam("uid") String uid) {
        Datasource d = service.get(env, uid);
        return ETags.tag(Response.ok(d), d.version()).build();
    }

    @GET
    @Path("name/{name}")
    @Operation(summary = "Get a datasource by name")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Datasource.class)))
    public Response getByName(@PathParam("env") String env, @PathParam("name") String name) {
        Datasource d = service.getByName(env, name);
        return ETags.tag(Response.ok(d), d.version()).build();
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a datasource")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Datasource.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Datasource.class)))
    public Response put(@PathParam("env") String env, @PathParam("uid") String uid,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid DatasourceRequest body) {
        DatasourceRequest request = RequestBodies.require(body);
        WriteResult<Datasource> result = service.put(env, uid, request, ETags.expected(ifMatch, request.version()));
        Datasource d = result.value();
        Response.ResponseBuilder b = result.created() ? Response.created(location(env, uid)) : Response.ok();
        return ETags.tag(b, d.version()).entity(d).build();
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Delete a datasource (409 listing the referring dashboards unless force=true)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid,
                           @QueryParam("force") QueryFlag force, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, uid, QueryFlag.isSet(force), ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    private static URI location(String env, String uid) {
        return URI.create("/api/v1/environments/" + env + "/datasources/" + uid);
    }
}
