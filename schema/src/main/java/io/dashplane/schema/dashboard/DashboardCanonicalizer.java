package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one definition of "the same dashboard" used by the server and the Terraform provider: key order,
 * whitespace and number spelling ({@code 1}, {@code 1.0}, {@code 1e0}) do not matter, and the top-level
 * {@code id} and {@code version}, which Grafana treats as instance metadata, are ignored.
 */
public final class DashboardCanonicalizer {
    private static final List<String> IGNORED_TOP_LEVEL = List.of("id", "version");

    private DashboardCanonicalizer() {
    }

    public static JsonNode canonicalize(JsonNode dashboard) {
        JsonNode canonical = canonicalValue(dashboard);
        if (canonical instanceof ObjectNode object) {
            object.remove(IGNORED_TOP_LEVEL);
        }
        return canonical;
    }

    public static boolean semanticallyEqual(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return canonicalize(a).equals(canonicalize(b));
    }

    /** Parses both texts; returns false when either is not JSON. */
    public static boolean semanticallyEqual(String a, String b) {
        try {
            return semanticallyEqual(Json.mapper().readTree(a), Json.mapper().readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Canonical text: sorted keys, normalized numbers, no whitespace. */
    public static String canonicalText(JsonNode dashboard) {
        try {
            return Json.mapper().writeValueAsString(canonicalize(dashboard));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode canonicalValue(JsonNode node) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = factory.objectNode();
            for (String name : names) {
                sorted.set(name, canonicalValue(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = factory.arrayNode(node.size());
            for (JsonNode element : node) {
                array.add(canonicalValue(element));
            }
            return array;
        }
        if (node.isNumber()) {
            return factory.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
