package io.dashplane.server.errors;

import io.dashplane.schema.validation.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 body of a problem: built once here for the HTTP error responses and for the per-item answers of
 * the bulk validation, so that both carry the same members.
 */
public final class ProblemDocument {
    public static final String TYPE_BASE = "https://dashplane.io/problems/";

    private ProblemDocument() {
    }

    /** {@code type}, {@code title}, {@code status}, {@code detail}, {@code errors}, then the extension members. */
    public static Map<String, Object> body(int status, String type, String title, String detail, List<Finding> errors,
                                           Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    /** The extension members of a domain failure: its own ones plus {@code warnings} when there are any. */
    public static Map<String, Object> extensions(DomainException e) {
        Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
        if (!e.warnings().isEmpty()) {
            extensions.put("warnings", e.warnings());
        }
        return extensions;
    }

    /** The body the HTTP answer to {@code e} carries. */
    public static Map<String, Object> of(DomainException e) {
        DomainException.Kind kind = e.kind();
        return body(kind.status(), TYPE_BASE + kind.type(), kind.title(), e.getMessage(), e.errors(), extensions(e));
    }
}
