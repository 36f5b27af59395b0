package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem document as the Dashplane server sends it.
 *
 * @param currentVersion the stored version on a version conflict (409), else null
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      Long currentVersion) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Reads a problem body; fields that are absent or of the wrong JSON type are null. */
    public static Problem fromJson(JsonNode json, int httpStatus) {
        if (json == null || !json.isObject()) {
            return new Problem(null, null, httpStatus, null, List.of(), null);
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = json.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode entry : list) {
                if (entry.isObject()) {
                    errors.add(new FieldError(text(entry, "pointer"), text(entry, "message")));
                }
            }
        }
        JsonNode status = json.get("status");
        JsonNode current = json.get("currentVersion");
        return new Problem(text(json, "type"), text(json, "title"),
                status != null && status.canConvertToInt() ? status.intValue() : httpStatus,
                text(json, "detail"), errors,
                current != null && current.canConvertToLong() ? current.longValue() : null);
    }

    /** "title: detail" (either may be missing), followed by each finding on its own line. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (title != null) {
            out.append(title);
        }
        if (detail != null && !detail.equals(title)) {
            out.append(out.length() > 0 ? ": " : "").append(detail);
        }
        if (out.length() == 0) {
            out.append("HTTP ").append(status);
        }
        for (FieldError error : errors) {
            out.append("\n  ").append(error.pointer() == null || error.pointer().isEmpty() ? "(body)" : error.pointer())
                    .append(": ").append(error.message());
        }
        return out.toString();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
