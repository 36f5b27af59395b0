package io.dashplane.provider.protocol;

import java.util.List;

public record ConfigureProviderResponse(List<Diagnostic> diagnostics) {
    public ConfigureProviderResponse {
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
