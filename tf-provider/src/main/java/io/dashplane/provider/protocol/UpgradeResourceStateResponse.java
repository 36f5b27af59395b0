package io.dashplane.provider.protocol;

import java.util.List;

/** {@code upgradedState}: msgpack of the state in the current schema. */
public record UpgradeResourceStateResponse(byte[] upgradedState, List<Diagnostic> diagnostics) {
    public UpgradeResourceStateResponse {
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
