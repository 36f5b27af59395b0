package io.dashplane.provider.protocol;

import java.util.List;

public record PlanResourceChangeResponse(byte[] plannedState, List<AttributePath> requiresReplace,
                                         byte[] plannedPrivate, List<Diagnostic> diagnostics) {
    public PlanResourceChangeResponse {
        requiresReplace = requiresReplace == null ? List.of() : List.copyOf(requiresReplace);
        diagnostics = Diagnostics.copy(diagnostics);
    }
}
