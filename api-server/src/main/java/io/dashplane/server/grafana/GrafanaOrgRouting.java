package io.dashplane.server.grafana;

import io.dashplane.server.environment.Environment;
import io.dashplane.server.environment.EnvironmentService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Optional;

/**
 * Grafana clients configured with the server's root URL call {@code /api/...}: such a request is routed to
 * {@code /grafana/{env}/api/...} of the environment whose org id the {@code X-Grafana-Org-Id} header names
 * (org 1 when absent, as in Grafana). {@code /api/v1/...} is the native API's, except Grafana's alerting
 * provisioning API {@code /api/v1/provisioning/...}.
 */
@PreMatching
@Priority(10)
public final class GrafanaOrgRouting implements ContainerRequestFilter {
    static final String ORG_HEADER = "X-Grafana-Org-Id";

    private final EnvironmentService environments;

    public GrafanaOrgRouting(EnvironmentService environments) {
        this.environments = environments;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!belongsToGrafanaDoor(relative)) {
            return;
        }
        Optional<Long> orgId = orgId(request.getHeaderString(ORG_HEADER));
        if (orgId.isEmpty()) {
            request.abortWith(GrafanaErrors.response(400, ORG_HEADER + " must be a positive integer", null));
            return;
        }
        Optional<Environment> env = environments.byOrgId(orgId.get());
        if (env.isEmpty()) {
            request.abortWith(GrafanaErrors.response(404, "organization " + orgId.get() + " not found",
                    "not-found"));
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI routed = UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath(base.getRawPath() + "grafana/" + env.get().name() + "/" + rawRelative(request, base))
                .build();
        request.setRequestUri(base, routed);
    }

    static boolean belongsToGrafanaDoor(String relative) {
        if (!relative.startsWith("api/")) {
            return false;
        }
        return !relative.startsWith("api/v1/") || relative.startsWith("api/v1/provisioning/");
    }

    private static String rawRelative(ContainerRequestContext request, URI base) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        return raw.substring(base.getRawPath().length());
    }

    private static Optional<Long> orgId(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(1L);
        }
        try {
            long id = Long.parseLong(header.trim());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
