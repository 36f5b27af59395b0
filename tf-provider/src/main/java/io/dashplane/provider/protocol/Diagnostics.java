package io.dashplane.provider.protocol;

import java.util.List;

final class Diagnostics {
    private Diagnostics() {}

    static List<Diagnostic> copy(List<Diagnostic> diagnostics) {
        return diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }
}
