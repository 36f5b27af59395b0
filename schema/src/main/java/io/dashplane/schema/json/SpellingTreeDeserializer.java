package io.dashplane.schema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads JSON trees like Jackson's own tree deserializer, except that a number whose value would be written
 * back with another spelling becomes a {@link SpelledNumber} keeping the text it was read from. Nesting is
 * bounded by the parser's {@link com.fasterxml.jackson.core.StreamReadConstraints}.
 */
final class SpellingTreeDeserializer extends StdDeserializer<JsonNode> {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    /** {@code type}: {@link JsonNode} (any value), {@link ObjectNode} or {@link ArrayNode}. */
    SpellingTreeDeserializer(Class<? extends JsonNode> type) {
        super(type);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        boolean inObject = token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME
                || token == JsonToken.END_OBJECT;
        if (handledType() == ObjectNode.class && !inObject
                || handledType() == ArrayNode.class && token != JsonToken.START_ARRAY) {
            return (JsonNode) ctxt.handleUnexpectedToken(handledType(), p);
        }
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT) {
            return object(p, ctxt);
        }
        return value(p, ctxt);
    }

    /** JSON null is a {@link NullNode} where any value is allowed, and null for an object or array. */
    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
        return handledType() == JsonNode.class ? NullNode.getInstance() : null;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Untyped;
    }

    private JsonNode value(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNodeFactory nodes = ctxt.getNodeFactory();
        JsonToken token = p.currentToken();
        if (token == null) {
            return (JsonNode) ctxt.handleUnexpectedToken(JsonNode.class, p);
        }
        return switch (token) {
            case START_OBJECT -> object(p, ctxt);
            case START_ARRAY -> array(p, ctxt);
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, ctxt);
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_EMBEDDED_OBJECT -> embedded(p.getEmbeddedObject(), nodes);
            default -> (JsonNode) ctxt.handleUnexpectedToken(JsonNode.class, p);
        };
    }

    /** From START_OBJECT, or from a FIELD_NAME or END_OBJECT inside an object whose start was consumed. */
    private ObjectNode object(JsonParser p, DeserializationContext ctxt) throws IOException {
        ObjectNode object = ctxt.getNodeFactory().objectNode();
        String name = switch (p.currentToken()) {
            case START_OBJECT -> p.nextFieldName();
            case FIELD_NAME -> p.currentName();
            default -> null;
        };
        for (; name != null; name = p.nextFieldName()) {
            p.nextToken();
            JsonNode previous = object.replace(name, value(p, ctxt));
            if (previous != null && ctxt.isEnabled(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)) {
                ctxt.reportInputMismatch(JsonNode.class, "Duplicate field '%s'", name);
            }
        }
        return object;
    }

    private ArrayNode array(JsonParser p, DeserializationContext ctxt) throws IOException {
        ArrayNode array = ctxt.getNodeFactory().arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                return (ArrayNode) ctxt.handleUnexpectedToken(ArrayNode.class, p);
            }
            array.add(value(p, ctxt));
        }
        return array;
    }

    private static JsonNode number(JsonParser p, DeserializationContext ctxt) throws IOException {
        NumericNode standard = standard(p, ctxt);
        String text = p.getText();
        if (text == null || text.equals(standard.asText()) || !JSON_NUMBER.matcher(text).matches()) {
            return standard;
        }
        return new SpelledNumber(standard, text);
    }

    /** The node Jackson's tree deserializer makes for the current number under the mapper's settings. */
    private static NumericNode standard(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNodeFactory nodes = ctxt.getNodeFactory();
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            if (ctxt.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)) {
                return (NumericNode) nodes.numberNode(p.getBigIntegerValue());
            }
            return switch (p.getNumberType()) {
                case INT -> ctxt.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS)
                        ? nodes.numberNode(p.getLongValue()) : nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> (NumericNode) nodes.numberNode(p.getBigIntegerValue());
            };
        }
        if (p.isNaN()) {
            return nodes.numberNode(p.getDoubleValue());
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                || ctxt.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)) {
            BigDecimal value = p.getDecimalValue();
            if (ctxt.isEnabled(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)) {
                value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            }
            return (NumericNode) nodes.numberNode(value);
        }
        if (p.getNumberType() == JsonParser.NumberType.FLOAT) {
            return nodes.numberNode(p.getFloatValue());
        }
        return nodes.numberNode(p.getDoubleValue());
    }

    private static JsonNode embedded(Object value, JsonNodeFactory nodes) {
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof byte[] bytes) {
            return nodes.binaryNode(bytes);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return nodes.pojoNode(value);
    }
}
