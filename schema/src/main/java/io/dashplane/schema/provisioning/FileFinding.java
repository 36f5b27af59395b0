package io.dashplane.schema.provisioning;

/**
 * A finding in a file: at a line (parse errors) or at a JSON pointer into the parsed document.
 *
 * @param file    the file as given or relative to the provisioning root
 * @param line    1-based line, or 0 when unknown
 * @param pointer RFC 6901 pointer into the document ({@code ""} for the whole document), or null
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

    /** The same finding located at {@code newLine} as well. */
    public FileFinding withLine(int newLine) {
        return new FileFinding(severity, file, newLine, pointer, message);
    }

    /**
     * {@code file:line: message}, {@code file:line: message (at /pointer)} when both are known, or
     * {@code file#/pointer: message}; warnings are prefixed {@code warning: }.
     */
    public String format() {
        boolean hasPointer = pointer != null && !pointer.isEmpty();
        String where = line > 0 ? file + ":" + line : hasPointer ? file + "#" + pointer : file;
        String at = line > 0 && hasPointer ? " (at " + pointer + ")" : "";
        return where + ": " + (isError() ? "" : "warning: ") + message + at;
    }
}
