package io.dashplane.provider.protocol;

import java.util.List;

/** Type names the provider serves, without their schemas. */
public record GetMetadataResponse(ServerCapabilities capabilities, List<Diagnostic> diagnostics,
                                  List<String> resources, List<String> dataSources) {
    public GetMetadataResponse {
        capabilities = capabilities == null ? ServerCapabilities.NONE : capabilities;
        diagnostics = Diagnostics.copy(diagnostics);
        resources = List.copyOf(resources);
        dataSources = List.copyOf(dataSources);
    }
}
