package io.dashplane.server.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.TreeSet;

/** JAX-RS' own failures (no such route, wrong method, not JSON, ...) as problems. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getCause() instanceof ProblemException p) { // a parameter converter's refusal (see QueryFlagConverter)
            return Problems.response(p);
        }
        int status = e.getResponse().getStatus();
        Response problem = switch (status) {
            case 404 -> Problems.simple(404, "not-found", "Not found", "no such resource");
            case 405 -> Problems.simple(405, "method-not-allowed", "Method not allowed", "method not allowed here");
            case 406 -> Problems.simple(406, "not-acceptable", "Not acceptable", "responses are application/json");
            case 413 -> Problems.simple(413, "too-large", "Payload too large", "request body too large");
            case 415 -> Problems.simple(415, "unsupported-media-type", "Unsupported media type",
                    "request bodies must be application/json");
            default -> status >= 500
                    ? Problems.simple(500, "internal", "Internal server error", "internal server error")
                    : Problems.simple(status, "bad-request", "Bad request",
                            e.getResponse().getStatusInfo().getReasonPhrase());
        };
        if (status == 405) {
            // Jersey answers HEAD for every GET (and says so in OPTIONS) but leaves it out here.
            Set<String> allowed = new TreeSet<>(e.getResponse().getAllowedMethods());
            if (allowed.contains(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD);
            }
            return Response.fromResponse(problem).allow(allowed).build();
        }
        return problem;
    }
}
