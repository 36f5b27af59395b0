package io.dashplane.provider.protocol;

import java.util.List;

/** {@code newState} null means the object is gone. */
public record ReadResourceResponse(byte[] newState, byte[] privateState, List<Diagnostic> diagnostics) {
    public ReadResourceResponse {
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
