package io.dashplane.server.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * CORS for an explicit allowlist of origins (registered only when the list is not empty). A preflight
 * from an allowed origin is answered here, before authentication (browsers send preflights without
 * credentials); other origins get no CORS headers, so browsers keep the same-origin rule.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ORIGIN = "Origin";
    private final Set<String> allowed;

    public CorsFilter(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder b = Response.noContent();
            if (allowed.contains(origin)) {
                b.header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
                        .header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match")
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(b.header("Vary", ORIGIN).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin != null && allowed.contains(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
            response.getHeaders().add("Vary", ORIGIN);
        }
    }
}
