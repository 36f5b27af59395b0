package io.dashplane.server.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException e) {
        return Problems.response(ProblemException.tooLarge(e.limit()));
    }
}
