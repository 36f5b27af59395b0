package io.dashplane.provider.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.json.Json;

import java.math.BigDecimal;
import java.util.List;

/** Validators shared by resources. */
public final class Validators {
    private Validators() {
    }

    /** The string is one of {@code allowed}. */
    public static Validator oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return (path, value, diagnostics) -> {
            if (!values.contains(value.asString())) {
                diagnostics.error(path, "Invalid value",
                        "must be one of " + String.join(", ", values) + ", got \"" + value.asString() + "\"");
            }
        };
    }

    /** A Dashplane uid: 1-40 characters of letters, digits, '-' and '_'. */
    public static Validator uid() {
        return (path, value, diagnostics) -> {
            String problem = Uid.problem(value.asString());
            if (problem != null) {
                diagnostics.error(path, "Invalid uid", problem);
            }
        };
    }

    /** Non-empty after trimming. */
    public static Validator notBlank() {
        return (path, value, diagnostics) -> {
            if (value.asString().isBlank()) {
                diagnostics.error(path, "Empty value", "must not be empty");
            }
        };
    }

    /** JSON text whose top-level value is an object. */
    public static Validator jsonObject() {
        return (path, value, diagnostics) -> {
            try {
                JsonNode node = Json.mapper().readTree(value.asString());
                if (node == null || !node.isObject()) {
                    diagnostics.error(path, "Invalid JSON", "must be a JSON object");
                }
            } catch (JsonProcessingException e) {
                diagnostics.error(path, "Invalid JSON", "not valid JSON " + JsonSyntax.describe(e));
            }
        };
    }

    /**
     * JSON text whose top-level value is an object, for sensitive attributes: the problem is located by
     * line and column only, since parser messages quote the offending text.
     */
    public static Validator secretJsonObject() {
        return (path, value, diagnostics) -> {
            try {
                JsonNode node = Json.mapper().readTree(value.asString());
                if (node == null || !node.isObject()) {
                    diagnostics.error(path, "Invalid JSON", "must be a JSON object");
                }
            } catch (JsonProcessingException e) {
                diagnostics.error(path, "Invalid JSON", "not valid JSON " + JsonSyntax.locate(e)
                        + "; the value is sensitive and not shown");
            }
        };
    }

    /** A duration such as "30s", "1h30m". */
    public static Validator duration() {
        return (path, value, diagnostics) -> {
            if (Durations.millis(value.asString()).isEmpty()) {
                diagnostics.error(path, "Invalid duration",
                        "expected a duration such as \"30s\", \"5m\" or \"1h30m\", got \"" + value.asString() + "\"");
            }
        };
    }

    /** A whole number of at least {@code min}. */
    public static Validator atLeast(long min) {
        return (path, value, diagnostics) -> {
            BigDecimal number = value.asBigDecimal();
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.stripTrailingZeros().scale() > 0) {
                diagnostics.error(path, "Invalid number", "must be a whole number of at least " + min
                        + ", got " + number.toPlainString());
            }
        };
    }
}
