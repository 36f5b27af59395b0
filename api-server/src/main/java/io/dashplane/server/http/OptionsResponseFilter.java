package io.dashplane.server.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Makes Jersey's generated OPTIONS answer the same for every client: {@code 204} with the {@code Allow} header
 * (Jersey otherwise picks a {@code text/plain} body or none depending on {@code Accept}).
 */
public final class OptionsResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200
                && response.getHeaderString(HttpHeaders.ALLOW) != null) {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(204);
        }
    }
}
