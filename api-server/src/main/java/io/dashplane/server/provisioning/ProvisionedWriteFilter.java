package io.dashplane.server.provisioning;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses API writes (PUT, DELETE, restore) to datasources, dashboards and alerting objects (alert rules, rule
 * groups, contact points, mute timings by uid, templates) that are provisioned from files and not open to UI updates, with a 409 naming the file. Promotions and imports check the same rule inside their
 * write transaction ({@code PlanApplier}).
 */
public final class ProvisionedWriteFilter implements ContainerRequestFilter {
    private static final Pattern TARGET = Pattern.compile("/?api/v1/environments/([^/]+)/"
            + "(datasources|dashboards|alert-rules|contact-points|mute-timings|templates|rule-groups)/"
            + "([^/]+(?:/[^/]+)?)(/versions/[^/]+/restore)?/?");
    private static final java.util.Map<String, String> KINDS = java.util.Map.of(
            "datasources", ProvisioningService.KIND_DATASOURCE, "dashboards", ProvisioningService.KIND_DASHBOARD,
            "alert-rules", "alert-rule", "contact-points", "contact-point", "mute-timings", "mute-timing",
            "templates", "template", "rule-groups", "rule-group");
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
        String kind = KINDS.get(m.group(2));
        String id = m.group(3);
        if (id.contains("/") && !kind.equals("rule-group") || !id.contains("/") && kind.equals("rule-group")) {
            return; // sub-resources (versions, by-name paths) other than restore are not object writes
        }
        service.requireWritable(m.group(1), kind, id);
    }
}
