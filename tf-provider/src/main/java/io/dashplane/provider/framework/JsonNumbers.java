package io.dashplane.provider.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rewrites every number of a JSON tree to one spelling so that 1, 1.0 and 1e0 compare equal. */
final class JsonNumbers {
    private JsonNumbers() {
    }

    static JsonNode normalized(JsonNode node) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode copy = factory.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalized(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = factory.arrayNode(node.size());
            node.forEach(element -> copy.add(normalized(element)));
            return copy;
        }
        if (node.isNumber()) {
            return factory.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
