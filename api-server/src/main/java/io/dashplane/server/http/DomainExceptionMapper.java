package io.dashplane.server.http;

import io.dashplane.server.errors.DomainException;
import io.dashplane.server.errors.ProblemDocument;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Renders a broken domain rule as the RFC 9457 problem of its kind. */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
        return Problems.response(toProblem(e));
    }

    static ProblemException toProblem(DomainException e) {
        DomainException.Kind kind = e.kind();
        return new ProblemException(kind.status(), kind.type(), kind.title(), e.getMessage(), e.errors(),
                ProblemDocument.extensions(e));
    }
}
