package io.dashplane.server.auth;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/**
 * CORS for an explicit allowlist of origins (registered only when the list is not empty). A preflight is an
 * OPTIONS request, which needs no credentials (browsers send none) and is answered with the route's
 * {@code Allow} header; for an allowed origin this filter adds the CORS headers, with the route's methods as
 * {@code Access-Control-Allow-Methods}. Other origins get no CORS headers, so browsers keep the same-origin rule.
 */
public final class CorsFilter implements ContainerResponseFilter {
    private static final String ORIGIN = "Origin";
    private final Set<String> allowed;

    public CorsFilter(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin == null) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, ORIGIN);
        if (!allowed.contains(origin)) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        String allow = response.getHeaderString(HttpHeaders.ALLOW);
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (preflight && allow != null && response.getStatus() < 300) {
            response.getHeaders().putSingle("Access-Control-Allow-Methods", allow);
            response.getHeaders().putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
            response.getHeaders().putSingle("Access-Control-Max-Age", "600");
        } else {
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
        }
    }
}
