package io.dashplane.provider.protocol;

import java.util.Objects;

/** A problem reported to the user; the severity is always set on the wire. */
public record Diagnostic(Severity severity, String summary, String detail, AttributePath attribute) {
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        summary = summary == null ? "" : summary;
        detail = detail == null ? "" : detail;
    }

    public static Diagnostic error(String summary, String detail) {
        return new Diagnostic(Severity.ERROR, summary, detail, null);
    }

    public static Diagnostic error(String summary, String detail, AttributePath attribute) {
        return new Diagnostic(Severity.ERROR, summary, detail, attribute);
    }

    public static Diagnostic warning(String summary, String detail) {
        return new Diagnostic(Severity.WARNING, summary, detail, null);
    }

    public static Diagnostic warning(String summary, String detail, AttributePath attribute) {
        return new Diagnostic(Severity.WARNING, summary, detail, attribute);
    }
}
