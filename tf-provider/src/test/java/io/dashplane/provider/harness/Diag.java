package io.dashplane.provider.harness;

import java.util.List;

/** A diagnostic as the client sees it, independent of the protocol major version. */
public record Diag(Severity severity, String summary, String detail, List<Step> path) {
    public enum Severity { INVALID, ERROR, WARNING }

    /** One attribute path step: exactly one of the three is set. */
    public record Step(String attributeName, String elementKeyString, Long elementKeyInt) {
        @Override
        public String toString() {
            if (attributeName != null) {
                return "." + attributeName;
            }
            return elementKeyString != null ? "[\"" + elementKeyString + "\"]" : "[" + elementKeyInt + "]";
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The path as Terraform prints it, e.g. {@code config_json} or {@code tags[0]}; empty without a path. */
    public String pathText() {
        StringBuilder b = new StringBuilder();
        path.forEach(b::append);
        return b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    @Override
    public String toString() {
        return severity + (path.isEmpty() ? "" : " at " + pathText()) + ": " + summary + (detail.isEmpty() ? "" : " - " + detail);
    }

    public static boolean hasErrors(List<Diag> diagnostics) {
        return diagnostics.stream().anyMatch(Diag::isError);
    }
}
