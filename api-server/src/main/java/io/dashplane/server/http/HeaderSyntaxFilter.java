package io.dashplane.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Refuses a {@code Content-Type} or {@code Accept} header that is not a media type (list) before anything reads
 * it: Jersey's own parse failure answers an empty 400. The detail names the header, never its value.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public final class HeaderSyntaxFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType, true)) {
            request.abortWith(refusal("the Content-Type header is not a media type such as application/json"));
            return;
        }
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, java.util.List.of())) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !isMediaType(range.trim(), true)) {
                    request.abortWith(refusal("the Accept header is not a list of media ranges such as "
                            + "application/json;q=0.9"));
                    return;
                }
            }
        }
    }

    private static boolean isMediaType(String text, boolean withQuality) {
        try {
            MediaType type = MediaType.valueOf(text);
            String q = type.getParameters().get("q");
            if (withQuality && q != null) {
                double quality = Double.parseDouble(q);
                return quality >= 0 && quality <= 1;
            }
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static jakarta.ws.rs.core.Response refusal(String detail) {
        return Problems.simple(400, "malformed", "Malformed request", detail);
    }
}
