package io.dashplane.provider.protocol;

import java.util.List;

/** {@code newState} must be null after a delete. */
public record ApplyResourceChangeResponse(byte[] newState, byte[] privateState, List<Diagnostic> diagnostics) {
    public ApplyResourceChangeResponse {
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
