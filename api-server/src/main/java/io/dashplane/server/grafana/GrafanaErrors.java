package io.dashplane.server.grafana;

import io.dashplane.server.http.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana's error bodies ({@code {"message": ..., "status": ...}}) on the Grafana door. Errors are raised once,
 * by the same services and filters as on the native API; this filter only reshapes their problem documents.
 * Grafana answers a semantically invalid request with 400, so 422 becomes 400 here.
 */
public final class GrafanaErrors implements ContainerResponseFilter {

    static Response response(int status, String message, String statusText) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(message, statusText))
                .build();
    }

    static Map<String, Object> body(String message, String statusText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (statusText != null) {
            body.put("status", statusText);
        }
        return body;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath(false).startsWith("grafana/")
                && !request.getUriInfo().getPath(false).startsWith("/grafana/")) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type == null || !Problems.PROBLEM_JSON.isCompatible(type)
                || !(response.getEntity() instanceof Map<?, ?> problem)) {
            return;
        }
        int status = response.getStatus() == 422 ? 400 : response.getStatus();
        response.setStatus(status);
        response.setEntity(body(message(problem), statusText(problem)), response.getEntityAnnotations(),
                MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
    }

    private static String message(Map<?, ?> problem) {
        Object detail = problem.get("detail");
        String message = detail != null ? detail.toString() : String.valueOf(problem.get("title"));
        if (problem.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            StringBuilder b = new StringBuilder(message).append(':');
            for (Object e : errors) {
                b.append(' ').append(describe(e)).append(';');
            }
            message = b.substring(0, b.length() - 1);
        }
        return message;
    }

    private static String describe(Object finding) {
        if (finding instanceof io.dashplane.schema.validation.Finding f) {
            return f.pointer() + ": " + f.message();
        }
        if (finding instanceof Map<?, ?> m) {
            return m.get("pointer") + ": " + m.get("message");
        }
        return String.valueOf(finding);
    }

    /** The last segment of the problem type (not-found, conflict, ...), Grafana's machine-readable status. */
    private static String statusText(Map<?, ?> problem) {
        Object type = problem.get("type");
        if (type == null) {
            return null;
        }
        String t = type.toString();
        return t.substring(t.lastIndexOf('/') + 1);
    }
}
