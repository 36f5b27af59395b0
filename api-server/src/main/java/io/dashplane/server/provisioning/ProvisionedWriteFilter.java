package io.dashplane.server.provisioning;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses API writes (PUT, DELETE, restore) to datasources and dashboards that are provisioned from files and
 * not open to UI updates, with a 409 naming the file. Promotions and imports check the same rule inside their
 * write transaction ({@code PlanApplier}).
 */
public final class ProvisionedWriteFilter implements ContainerRequestFilter {
    private static final Pattern TARGET = Pattern.compile(
            "/?api/v1/environments/([^/]+)/(datasources|dashboards)/([^/]+)(/versions/[^/]+/restore)?/?");
    private static final Set<String> WRITES = Set.of("PUT", "DELETE", "POST", "PATCH");

    private final ProvisioningService service;

    public ProvisionedWriteFilter(ProvisioningService service) {
        this.service = service;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        Matcher m = TARGET.matcher(request.getUriInfo().getPath(true));
        if (!m.matches() || "POST".equals(request.getMethod()) && m.group(4) == null) {
            return;
        }
        String kind = m.group(2).equals("datasources") ? ProvisioningService.KIND_DATASOURCE
                : ProvisioningService.KIND_DASHBOARD;
        if (m.group(3).equals("name") || m.group(3).isEmpty()) {
            return;
        }
        service.requireWritable(m.group(1), kind, m.group(3));
    }
}
