package io.dashplane.server.http;

import io.dashplane.schema.validation.Finding;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds application/problem+json responses. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    public static Response response(ProblemException p) {
        return response(p.status(), p.type(), p.title(), p.getMessage(), p.errors(), p.extensions());
    }

    public static Response response(int status, String type, String title, String detail, List<Finding> errors,
                                    Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    public static Response simple(int status, String type, String title, String detail) {
        return response(status, ProblemException.TYPE_BASE + type, title, detail, null, null);
    }
}
