package io.dashplane.provider.protocol;

import java.util.List;

/** Answer of the Validate* calls: only diagnostics. */
public record ValidationResponse(List<Diagnostic> diagnostics) {
    public static final ValidationResponse OK = new ValidationResponse(List.of());

    public ValidationResponse {
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
