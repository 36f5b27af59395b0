package io.dashplane.server.http;

import io.dashplane.schema.validation.Finding;
import io.dashplane.server.errors.ProblemDocument;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
        return Response.status(status).type(PROBLEM_JSON)
                .entity(ProblemDocument.body(status, type, title, detail, errors, extensions)).build();
    }

    public static Response simple(int status, String type, String title, String detail) {
        return response(status, ProblemException.TYPE_BASE + type, title, detail, null, null);
    }
}
