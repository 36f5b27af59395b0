package io.dashplane.server.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to provision from: the directory, the extra roots dashboard provider paths may lead into, and the variables
 * {@code $VAR} expands to.
 */
public record ProvisioningSource(Path directory, List<Path> allowedRoots, Map<String, String> variables) {
    public ProvisioningSource {
        allowedRoots = List.copyOf(allowedRoots);
        variables = Map.copyOf(variables);
    }
}
