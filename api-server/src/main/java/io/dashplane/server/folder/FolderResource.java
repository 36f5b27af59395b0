package io.dashplane.server.folder;

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

@Path("/api/v1/environments/{env}/folders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "folders")
public final class FolderResource {
    private final FolderService service;

    public FolderResource(FolderService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List folders (all, or the children of parentUid)")
    public Page<Folder> list(@PathParam("env") String env, @QueryParam("parentUid") String parentUid,
                             @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(env, parentUid, Paging.parse(page, perPage));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a folder")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Folder.class)))
    public Response create(@PathParam("env") String env, @Valid FolderRequest body) {
        Folder f = service.create(env, RequestBodies.require(body));
        return ETags.tag(Response.created(location(env, f.uid())), f.version()).entity(f).build();
    }

    @GET
    @Path("{uid}")
    @Operation(summary = "Get a folder")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Folder.class)))
    public Response get(@PathParam("env") String env, @PathParam("uid") String uid) {
        Folder f = service.get(env, uid);
        return ETags.tag(Response.ok(f), f.version()).build();
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a folder (another parentUid moves it)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Folder.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Folder.class)))
    public Response put(@PathParam("env") String env, @PathParam("uid") String uid,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid FolderRequest body) {
        FolderRequest r = RequestBodies.require(body);
        WriteResult<Folder> result = service.put(env, uid, r, ETags.expected(ifMatch, r.version()));
        Response.ResponseBuilder b = result.created() ? Response.created(location(env, uid)) : Response.ok();
        return ETags.tag(b, result.value().version()).entity(result.value()).build();
    }

    @POST
    @Path("{uid}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a folder under another parent (null = root)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Folder.class)))
    public Response move(@PathParam("env") String env, @PathParam("uid") String uid,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid FolderMoveRequest body) {
        FolderMoveRequest r = RequestBodies.require(body);
        Folder f = service.move(env, uid, r.parentUid(), ETags.expected(ifMatch, r.version()));
        return ETags.tag(Response.ok(f), f.version()).build();
    }

    @DELETE
    @Path("{uid}")
    @Operation(summary = "Delete a folder (force=true deletes its content)")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid,
                           @QueryParam("force") QueryFlag force, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(env, uid, QueryFlag.isSet(force), ETags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    private static URI location(String env, String uid) {
        return URI.create("/api/v1/environments/" + env + "/folders/" + uid);
    }
}
