package io.dashplane.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses a path with matrix parameters ({@code ;} in a segment) before matching, authentication or any
 * resource: JAX-RS would drop them silently, so {@code PUT .../dashboards/abc;evil=1} would write {@code abc}.
 * An escaped {@code %3B} is an ordinary character of a segment and is left to the resource's rules.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public final class MatrixParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getRequestUri().getRawPath().indexOf(';') >= 0) {
            request.abortWith(Problems.simple(400, "malformed", "Malformed request",
                    "matrix parameters (';' in the path) are not supported"));
        }
    }
}
