package io.dashplane.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How provisioning behaves beyond the directory itself. {@code allowedRoots}: directories besides the provisioning
 * directory that dashboard provider paths may lead into (Grafana's absolute {@code /var/lib/grafana/dashboards}).
 * {@code periodicRescan}: whether each dashboard provider's path is rescanned every {@code updateIntervalSeconds}.
 */
public record ProvisioningSettings(List<Path> allowedRoots, boolean periodicRescan) {
    public ProvisioningSettings {
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
    }

    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(List.of(), true);
    }

    public ProvisioningSettings withAllowedRoots(List<Path> roots) {
        return new ProvisioningSettings(roots, periodicRescan);
    }

    public ProvisioningSettings withPeriodicRescan(boolean enabled) {
        return new ProvisioningSettings(allowedRoots, enabled);
    }
}
