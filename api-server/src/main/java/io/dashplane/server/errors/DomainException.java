package io.dashplane.server.errors;

import io.dashplane.schema.validation.Finding;

import java.util.List;
import java.util.Map;

/**
 * A rule of the domain that a request broke: what kind of failure it is, a human-readable detail,
 * the findings that point into the request, and extra members for the client (current version,
 * referrers). Services and repositories throw it; the HTTP layer decides how it is rendered.
 */
public final class DomainException extends RuntimeException {
    /** What went wrong, with the HTTP status, problem type and title it is answered with. */
    public enum Kind {
        MALFORMED(400, "malformed", "Malformed request"),
        NOT_FOUND(404, "not-found", "Not found"),
        GONE(410, "gone", "Gone"),
        CONFLICT(409, "conflict", "Conflict"),
        VERSION_CONFLICT(409, "version-conflict", "Version conflict"),
        INVALID(422, "validation", "Validation failed");

        private final int status;
        private final String type;
        private final String title;

        Kind(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }

        public int status() {
            return status;
        }

        /** The last segment of the problem type URI. */
        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final List<Finding> errors;
    private final List<Finding> warnings;
    private final Map<String, Object> extensions;

    private DomainException(Kind kind, String detail, List<Finding> errors, List<Finding> warnings,
                            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static DomainException malformed(String pointer, String detail) {
        return new DomainException(Kind.MALFORMED, detail,
                pointer == null ? List.of() : List.of(new Finding(pointer, detail)), null, null);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, detail, null, null, null);
    }

    /** The thing existed but is no longer usable (an expired plan): 410. */
    public static DomainException gone(String detail, Map<String, Object> extensions) {
        return new DomainException(Kind.GONE, detail, null, null, extensions);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, detail, null, null, null);
    }

    public static DomainException conflict(String detail, Map<String, Object> extensions) {
        return new DomainException(Kind.CONFLICT, detail, null, null, extensions);
    }

    public static DomainException versionConflict(long currentVersion, String detail) {
        return new DomainException(Kind.VERSION_CONFLICT, detail, null, null, Map.of("currentVersion", currentVersion));
    }

    public static DomainException validation(List<Finding> errors, List<Finding> warnings) {
        String detail = errors.size() == 1 ? "1 problem in the request" : errors.size() + " problems in the request";
        return new DomainException(Kind.INVALID, detail, errors, warnings, null);
    }

    public static DomainException invalid(List<Finding> errors, Map<String, Object> extensions) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems in the request";
        return new DomainException(Kind.INVALID, detail, errors, null, extensions);
    }

    public static DomainException invalid(String pointer, String message) {
        return validation(List.of(new Finding(pointer, message)), null);
    }

    public Kind kind() {
        return kind;
    }

    public List<Finding> errors() {
        return errors;
    }

    public List<Finding> warnings() {
        return warnings;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
