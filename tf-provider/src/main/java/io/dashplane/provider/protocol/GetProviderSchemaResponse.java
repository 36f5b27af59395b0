package io.dashplane.provider.protocol;

import java.util.List;
import java.util.Map;

/** All schemas; {@code providerMeta} may be null. */
public record GetProviderSchemaResponse(Schema provider, Map<String, Schema> resourceSchemas,
                                        Map<String, Schema> dataSourceSchemas, Schema providerMeta,
                                        ServerCapabilities capabilities, List<Diagnostic> diagnostics) {
    public GetProviderSchemaResponse {
        resourceSchemas = Map.copyOf(resourceSchemas);
        dataSourceSchemas = Map.copyOf(dataSourceSchemas);
        capabilities = capabilities == null ? ServerCapabilities.NONE : capabilities;
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
