package io.dashplane.server.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** GET /api/v1/whoami: the authenticated service account and its roles. */
@Path("/api/v1/whoami")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service accounts")
public final class WhoamiResource {
    public record Whoami(String id, String name, boolean serverAdmin, Map<String, String> roles) {}

    @GET
    @Operation(summary = "The calling service account and its roles")
    public Whoami get(@Context ContainerRequestContext request) {
        Principal p = (Principal) request.getProperty(AuthFilter.PRINCIPAL);
        Map<String, String> roles = new TreeMap<>();
        p.roles().forEach((env, role) -> roles.put(env, role.label()));
        return new Whoami(p.accountId(), p.name(), p.serverAdmin(), new LinkedHashMap<>(roles));
    }
}
