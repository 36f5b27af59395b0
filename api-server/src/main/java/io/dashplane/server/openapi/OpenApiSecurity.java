package io.dashplane.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.List;
import java.util.Set;

/** The probes answer without authentication: their operations declare an empty security requirement. */
final class OpenApiSecurity {
    static final Set<String> PUBLIC_PATHS = Set.of("/healthz", "/readyz");

    private OpenApiSecurity() {
    }

    static void publicProbes(OpenAPI api) {
        for (String path : PUBLIC_PATHS) {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
            if (item != null) {
                item.readOperations().forEach(op -> op.setSecurity(List.of()));
            }
        }
    }
}
