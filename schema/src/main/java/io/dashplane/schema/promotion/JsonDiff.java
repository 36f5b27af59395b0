package io.dashplane.schema.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonPatch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * RFC 6902 patches between two JSON documents (zjsonpatch). The output is stable: object members are compared
 * in sorted order, and only {@code add}, {@code remove} and {@code replace} are emitted (no {@code move} or
 * {@code copy}, whose choice depends on heuristics) and {@code remove} carries no value, so equal inputs
 * always give the same patch.
 */
public final class JsonDiff {
    private static final EnumSet<DiffFlags> FLAGS =
            EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_VALUE_ON_REMOVE);

    private JsonDiff() {
    }

    /** The patch turning {@code from} into {@code to}; an empty array when they are equal. */
    public static ArrayNode diff(JsonNode from, JsonNode to) {
        return (ArrayNode) com.flipkart.zjsonpatch.JsonDiff.asJson(sorted(from), sorted(to), FLAGS);
    }

    /** {@code document} with {@code patch} applied (a copy). */
    public static JsonNode apply(JsonNode patch, JsonNode document) {
        return JsonPatch.apply(patch, document);
    }

    /** A deep copy with the members of every object in sorted order; arrays keep their order. */
    public static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                copy.set(field.getKey(), sorted(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
