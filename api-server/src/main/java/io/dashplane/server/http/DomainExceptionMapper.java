package io.dashplane.server.http;

import io.dashplane.server.errors.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a broken domain rule as the RFC 9457 problem of its kind. */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
        return Problems.response(toProblem(e));
    }

    static ProblemException toProblem(DomainException e) {
        Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
        if (!e.warnings().isEmpty()) {
            extensions.put("warnings", e.warnings());
        }
        return switch (e.kind()) {
            case MALFORMED -> new ProblemException(400, "malformed", "Malformed request", e.getMessage(), e.errors(), extensions);
            case NOT_FOUND -> new ProblemException(404, "not-found", "Not found", e.getMessage(), e.errors(), extensions);
            case GONE -> new ProblemException(410, "gone", "Gone", e.getMessage(), e.errors(), extensions);
            case CONFLICT -> new ProblemException(409, "conflict", "Conflict", e.getMessage(), e.errors(), extensions);
            case VERSION_CONFLICT -> new ProblemException(409, "version-conflict", "Version conflict", e.getMessage(), e.errors(), extensions);
            case INVALID -> new ProblemException(422, "validation", "Validation failed", e.getMessage(), e.errors(), extensions);
        };
    }
}
