package io.dashplane.provider.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.schema.dashboard.DashboardCanonicalizer;
import io.dashplane.schema.json.Json;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decides whether two known, non-null values of an attribute mean the same thing although they may
 * differ as values (reformatted JSON, "1m" and "60s"). When the configuration is semantically equal
 * to the prior state the plan keeps the prior value, so no change shows; a refresh keeps the prior
 * value when the server's value is semantically equal to it.
 */
@FunctionalInterface
public interface SemanticEquality {
    boolean equal(CtyValue a, CtyValue b);

    /** Grafana dashboard JSON, compared through the server's canonicalization ({@link DashboardCanonicalizer}). */
    static SemanticEquality dashboardJson() {
        return (a, b) -> a.equals(b) || DashboardCanonicalizer.semanticallyEqual(a.asString(), b.asString());
    }

    /** Any JSON text: object key order, whitespace and number spelling do not matter. */
    static SemanticEquality json() {
        return (a, b) -> {
            if (a.equals(b)) {
                return true;
            }
            Optional<JsonNode> left = parseJson(a.asString());
            Optional<JsonNode> right = parseJson(b.asString());
            return left.isPresent() && right.isPresent()
                    && JsonNumbers.normalized(left.get()).equals(JsonNumbers.normalized(right.get()));
        };
    }

    /** Durations such as "1m", "60s", "1h30m", "500ms": equal when they last equally long. */
    static SemanticEquality duration() {
        return (a, b) -> {
            if (a.equals(b)) {
                return true;
            }
            Optional<BigDecimal> left = Durations.millis(a.asString());
            Optional<BigDecimal> right = Durations.millis(b.asString());
            return left.isPresent() && right.isPresent() && left.get().compareTo(right.get()) == 0;
        };
    }

    private static Optional<JsonNode> parseJson(String text) {
        try {
            return Optional.ofNullable(Json.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
