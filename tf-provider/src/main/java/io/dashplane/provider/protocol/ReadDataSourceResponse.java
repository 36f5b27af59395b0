package io.dashplane.provider.protocol;

import java.util.List;

/** {@code state}: msgpack, wholly known. */
public record ReadDataSourceResponse(byte[] state, List<Diagnostic> diagnostics) {
    public ReadDataSourceResponse {
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
