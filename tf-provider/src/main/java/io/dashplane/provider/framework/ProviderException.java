package io.dashplane.provider.framework;

import io.dashplane.provider.protocol.Diagnostic;

import java.util.List;

/**
 * Thrown by resources and data sources to end a call with error diagnostics, e.g. when the config
 * server answers with an error. The framework turns it into the call's diagnostics.
 */
public class ProviderException extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;

    public ProviderException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public ProviderException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "provider error" : diagnostics.get(0).summary() + ": " + diagnostics.get(0).detail());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ProviderException(String summary, String detail) {
        this(Diagnostic.error(summary, detail));
    }

    public ProviderException(io.dashplane.provider.cty.AttributePath path, String summary, String detail) {
        this(Diagnostic.error(summary, detail, Diagnostics.toProtocol(path)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
