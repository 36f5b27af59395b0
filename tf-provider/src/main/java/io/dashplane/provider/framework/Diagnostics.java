package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.PathStep;
import io.dashplane.provider.protocol.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one provider call. Paths are cty attribute paths; they are translated to
 * the protocol's paths (set-element steps cut off, which the wire cannot express) when the call ends.
 * Not thread-safe: one instance per call.
 */
public final class Diagnostics {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public Diagnostics error(String summary, String detail) {
        diagnostics.add(Diagnostic.error(summary, detail));
        return this;
    }

    public Diagnostics error(AttributePath path, String summary, String detail) {
        diagnostics.add(Diagnostic.error(summary, detail, toProtocol(path)));
        return this;
    }

    public Diagnostics warning(String summary, String detail) {
        diagnostics.add(Diagnostic.warning(summary, detail));
        return this;
    }

    public Diagnostics warning(AttributePath path, String summary, String detail) {
        diagnostics.add(Diagnostic.warning(summary, detail, toProtocol(path)));
        return this;
    }

    public Diagnostics add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
        return this;
    }

    public Diagnostics addAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
        return this;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    public List<Diagnostic> toList() {
        return List.copyOf(diagnostics);
    }

    /** The protocol form of a cty path; null for the root (a diagnostic about the whole object). */
    public static io.dashplane.provider.protocol.AttributePath toProtocol(AttributePath path) {
        if (path == null) {
            return null;
        }
        AttributePath expressible = path.truncateAtSetElement();
        if (expressible.isRoot()) {
            return null;
        }
        io.dashplane.provider.protocol.AttributePath result = io.dashplane.provider.protocol.AttributePath.ROOT;
        for (PathStep step : expressible.steps()) {
            if (step instanceof PathStep.AttributeName name) {
                result = result.attribute(name.name());
            } else if (step instanceof PathStep.ElementKeyString key) {
                result = result.key(key.key());
            } else if (step instanceof PathStep.ElementKeyInt index) {
                result = result.index(index.index());
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return diagnostics.toString();
    }
}
