package io.dashplane.provider.cty;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON encoding of cty values as stored in Terraform state ({@code RawState.json} of
 * UpgradeResourceState). Decoding is forgiving the way a state upgrade must be: attributes missing
 * from the JSON are null, attributes the type does not have are dropped, and primitives are
 * converted like Terraform does (a number or bool where a string is expected, a numeric string
 * where a number is expected, "true"/"false" where a bool is expected).
 */
public final class CtyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private CtyJson() {
    }

    public static CtyValue decode(byte[] json, CtyType type) {
        try {
            return decode(MAPPER.readTree(json), type);
        } catch (JsonProcessingException e) {
            throw new CtyException(AttributePath.root(), "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CtyValue decode(String json, CtyType type) {
        return decode(json.getBytes(StandardCharsets.UTF_8), type);
    }

    public static CtyValue decode(JsonNode json, CtyType type) {
        return decode(json, type, AttributePath.root());
    }

    public static byte[] encode(CtyValue value, CtyType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            encode(value, type, AttributePath.root(), generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String encodeToString(CtyValue value, CtyType type) {
        return new String(encode(value, type), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- decoding

    private static CtyValue decode(JsonNode node, CtyType type, AttributePath path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return CtyValue.nullOf(type);
        }
        if (type.isDynamic()) {
            return decodeDynamic(node, path);
        }
        if (type == CtyType.STRING) {
            if (node.isTextual()) {
                return CtyValue.string(node.textValue());
            }
            if (node.isNumber()) {
                return CtyValue.string(new NumberValue(node.decimalValue()).toDecimalText());
            }
            if (node.isBoolean()) {
                return CtyValue.string(Boolean.toString(node.booleanValue()));
            }
            throw mismatch(path, "a string", node);
        }
        if (type == CtyType.NUMBER) {
            if (node.isNumber()) {
                return CtyValue.number(node.decimalValue());
            }
            if (node.isTextual()) {
                try {
                    return CtyValue.number(new BigDecimal(node.textValue().trim()));
                } catch (NumberFormatException e) {
                    throw new CtyException(path, "a number is required, got the text \"" + node.textValue() + "\"");
                }
            }
            throw mismatch(path, "a number", node);
        }
        if (type == CtyType.BOOL) {
            if (node.isBoolean()) {
                return CtyValue.bool(node.booleanValue());
            }
            if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
                return CtyValue.bool(node.textValue().equals("true"));
            }
            throw mismatch(path, "a bool", node);
        }
        if (type instanceof ListType listType) {
            return new ListValue(listType, decodeArray(node, listType.elementType(), path, "a list"));
        }
        if (type instanceof SetType setType) {
            return new SetValue(setType, decodeArray(node, setType.elementType(), path, "a set"));
        }
        if (type instanceof TupleType tupleType) {
            if (!node.isArray()) {
                throw mismatch(path, "a tuple", node);
            }
            if (node.size() != tupleType.elements().size()) {
                throw new CtyException(path, "a tuple of " + tupleType.elements().size()
                        + " elements is required, got " + node.size());
            }
            List<CtyValue> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(decode(node.get(i), tupleType.elements().get(i), path.index(i)));
            }
            return new TupleValue(tupleType, elements);
        }
        if (type instanceof MapType mapType) {
            if (!node.isObject()) {
                throw mismatch(path, "a map", node);
            }
            Map<String, CtyValue> entries = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                entries.put(field.getKey(), decode(field.getValue(), mapType.elementType(), path.key(field.getKey())));
            }
            return new MapValue(mapType, entries);
        }
        if (type instanceof ObjectType objectType) {
            if (!node.isObject()) {
                throw mismatch(path, "an object", node);
            }
            Map<String, CtyValue> attributes = new TreeMap<>();
            objectType.attributes().forEach((name, attributeType) ->
                    attributes.put(name, decode(node.get(name), attributeType, path.attr(name))));
            return new ObjectValue(objectType, attributes);
        }
        throw new CtyException(path, "cannot decode type " + type.toJson());
    }

    private static List<CtyValue> decodeArray(JsonNode node, CtyType elementType, AttributePath path, String expected) {
        if (!node.isArray()) {
            throw mismatch(path, expected, node);
        }
        List<CtyValue> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(decode(node.get(i), elementType, path.index(i)));
        }
        return elements;
    }

    private static CtyValue decodeDynamic(JsonNode node, AttributePath path) {
        if (!node.isObject() || !node.has("type")) {
            throw new CtyException(path, "a dynamic value must be an object {\"value\": ..., \"type\": ...}");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("type") && !name.equals("value")) {
                throw new CtyException(path, "invalid key \"" + name + "\" in a dynamic value");
            }
        }
        CtyType type;
        try {
            type = TypeJson.parse(node.get("type"));
        } catch (IllegalArgumentException e) {
            throw new CtyException(path, "invalid type of dynamic value: " + e.getMessage());
        }
        return decode(node.get("value"), type, path);
    }

    private static CtyException mismatch(AttributePath path, String expected, JsonNode node) {
        return new CtyException(path, expected + " is required, got JSON " + node.getNodeType().name().toLowerCase());
    }

    // ---------------------------------------------------------------- encoding

    private static void encode(CtyValue value, CtyType type, AttributePath path, JsonGenerator out)
            throws IOException {
        if (value == null) {
            throw new CtyException(path, "Java null instead of a cty value");
        }
        if (!value.isKnown()) {
            throw new CtyException(path, "an unknown value cannot be written as JSON");
        }
        if (type.isDynamic() && !value.type().isDynamic()) {
            out.writeStartObject();
            out.writeFieldName("value");
            encode(value, value.type(), path, out);
            out.writeFieldName("type");
            out.writeRawValue(value.type().toJson());
            out.writeEndObject();
            return;
        }
        if (!ValueChecks.conforms(type, value)) {
            throw new CtyException(path, "a value of type " + value.type().toJson()
                    + " cannot be encoded as " + type.toJson());
        }
        if (value instanceof NullValue) {
            out.writeNull();
        } else if (value instanceof StringValue s) {
            out.writeString(s.value());
        } else if (value instanceof NumberValue n) {
            out.writeNumber(n.toDecimalText());
        } else if (value instanceof BoolValue b) {
            out.writeBoolean(b.value());
        } else if (value instanceof ListValue list) {
            encodeArray(list.elements(), ((ListType) type).elementType(), path, out);
        } else if (value instanceof SetValue set) {
            encodeArray(set.elements(), ((SetType) type).elementType(), path, out);
        } else if (value instanceof TupleValue tuple) {
            out.writeStartArray();
            List<CtyType> types = ((TupleType) type).elements();
            for (int i = 0; i < types.size(); i++) {
                encode(tuple.elements().get(i), types.get(i), path.index(i), out);
            }
            out.writeEndArray();
        } else if (value instanceof MapValue map) {
            CtyType elementType = ((MapType) type).elementType();
            out.writeStartObject();
            for (Map.Entry<String, CtyValue> entry : map.entries().entrySet()) {
                out.writeFieldName(entry.getKey());
                encode(entry.getValue(), elementType, path.key(entry.getKey()), out);
            }
            out.writeEndObject();
        } else if (value instanceof ObjectValue object) {
            out.writeStartObject();
            for (Map.Entry<String, CtyType> attribute : ((ObjectType) type).attributes().entrySet()) {
                out.writeFieldName(attribute.getKey());
                encode(object.getAttr(attribute.getKey()), attribute.getValue(), path.attr(attribute.getKey()), out);
            }
            out.writeEndObject();
        }
    }

    private static void encodeArray(List<CtyValue> elements, CtyType elementType, AttributePath path,
                                    JsonGenerator out) throws IOException {
        out.writeStartArray();
        for (int i = 0; i < elements.size(); i++) {
            encode(elements.get(i), elementType, path.index(i), out);
        }
        out.writeEndArray();
    }
}
