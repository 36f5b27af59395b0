package io.dashplane.provider.protocol;

import java.util.List;

public record ImportResourceStateResponse(List<ImportedResource> importedResources, List<Diagnostic> diagnostics) {
    public ImportResourceStateResponse {
        importedResources = importedResources == null ? List.of() : List.copyOf(importedResources);
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
