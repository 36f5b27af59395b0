package io.dashplane.schema.provisioning;

/**
 * A finding in a file: at a line (parse errors) or at a JSON pointer into the parsed document.
 *
 * @param file    the file as given or relative to the provisioning root
 * @param line    1-based line, or 0 when the finding is located by {@code pointer}
 * @param pointer RFC 6901 pointer into the document ({@code ""} for the whole document), or null with a line
 */
public record FileFinding(Severity severity, String file, int line, String pointer, String message) {
    public enum Severity { ERROR, WARNING }

    public static FileFinding atLine(String file, int line, String message) {
        return new FileFinding(Severity.ERROR, file, line, null, message);
    }

    public static FileFinding at(String file, String pointer, String message) {
        return new FileFinding(Severity.ERROR, file, 0, pointer, message);
    }

    public static FileFinding warningAt(String file, String pointer, String message) {
        return new FileFinding(Severity.WARNING, file, 0, pointer, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: message} or {@code file#/pointer: message}; warnings are prefixed {@code warning: }. */
    public String format() {
        String where = line > 0 ? file + ":" + line : pointer == null || pointer.isEmpty() ? file : file + "#" + pointer;
        return where + ": " + (isError() ? "" : "warning: ") + message;
    }
}
