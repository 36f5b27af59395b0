package io.dashplane.server.grafana;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Renders a {@link GrafanaRefusal} as Grafana's {@code {"message", "status"}} body. */
public final class GrafanaRefusalMapper implements ExceptionMapper<GrafanaRefusal> {
    @Override
    public Response toResponse(GrafanaRefusal refusal) {
        return GrafanaErrors.response(refusal.kind().status, refusal.getMessage(), refusal.kind().statusText);
    }
}
