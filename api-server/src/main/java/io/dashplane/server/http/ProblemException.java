package io.dashplane.server.http;

import io.dashplane.schema.validation.Finding;
import java.util.List;
import java.util.Map;

/**
 * A failure the client caused or must know about, with everything needed for an RFC 9457 problem.
 * Services throw it; {@link ProblemExceptionMapper} renders it.
 */
public final class ProblemException extends RuntimeException {
    public static final String TYPE_BASE = io.dashplane.server.errors.ProblemDocument.TYPE_BASE;

    private final int status;
    private final String type;
    private final String title;
    private final List<Finding> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, List<Finding> errors,
                            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException malformed(String pointer, String detail) {
        return new ProblemException(400, "malformed", "Malformed request", detail,
                pointer == null ? List.of() : List.of(new Finding(pointer, detail)), null);
    }

    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, "malformed", "Malformed request", detail, List.of(),
                Map.of("parameter", parameter));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, null);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, extensions);
    }

    public static ProblemException versionConflict(long currentVersion, String detail) {
        return new ProblemException(409, "version-conflict", "Version conflict", detail, null,
                Map.of("currentVersion", currentVersion));
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "too-large", "Payload too large",
                "request body exceeds " + limit + " bytes", null, Map.of("limit", limit));
    }

    public static ProblemException validation(List<Finding> errors, List<Finding> warnings) {
        String detail = errors.size() == 1 ? "1 problem in the request" : errors.size() + " problems in the request";
        return new ProblemException(422, "validation", "Validation failed", detail, errors,
                warnings == null || warnings.isEmpty() ? null : Map.of("warnings", warnings));
    }

    public static ProblemException invalid(String pointer, String message) {
        return validation(List.of(new Finding(pointer, message)), null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + type;
    }

    public String title() {
        return title;
    }

    public List<Finding> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
