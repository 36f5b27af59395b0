package io.dashplane.provider.cty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terraform's JSON notation for cty types. */
final class TypeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TypeJson() {
    }

    static CtyType parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("type JSON is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null) {
            throw new IllegalArgumentException("type JSON is empty");
        }
        return parse(node);
    }

    static CtyType parse(JsonNode node) {
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "string": return CtyType.STRING;
                case "number": return CtyType.NUMBER;
                case "bool": return CtyType.BOOL;
                case "dynamic": return CtyType.DYNAMIC;
                default: throw new IllegalArgumentException("unknown type \"" + node.textValue() + "\"");
            }
        }
        if (!node.isArray() || node.size() < 2 || !node.get(0).isTextual()) {
            throw new IllegalArgumentException("type JSON must be a string or an array [kind, ...]: " + node);
        }
        String kind = node.get(0).textValue();
        JsonNode arg = node.get(1);
        switch (kind) {
            case "list":
                return new ListType(parse(requireSize(node, 2)));
            case "set":
                return new SetType(parse(requireSize(node, 2)));
            case "map":
                return new MapType(parse(requireSize(node, 2)));
            case "object": {
                // A third element lists optional attributes (module type constraints only); the
                // provider protocol never sends it, and it does not change the value encoding.
                if (node.size() > 3 || !arg.isObject()) {
                    throw new IllegalArgumentException("object type must be [\"object\", {attributes}]: " + node);
                }
                Map<String, CtyType> attributes = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = arg.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    attributes.put(field.getKey(), parse(field.getValue()));
                }
                return new ObjectType(attributes);
            }
            case "tuple": {
                if (node.size() != 2 || !arg.isArray()) {
                    throw new IllegalArgumentException("tuple type must be [\"tuple\", [types]]: " + node);
                }
                List<CtyType> elements = new ArrayList<>();
                arg.forEach(element -> elements.add(parse(element)));
                return new TupleType(elements);
            }
            default:
                throw new IllegalArgumentException("unknown type kind \"" + kind + "\"");
        }
    }

    private static JsonNode requireSize(JsonNode node, int size) {
        if (node.size() != size) {
            throw new IllegalArgumentException("type JSON has the wrong number of elements: " + node);
        }
        return node.get(1);
    }

    static String write(CtyType type) {
        StringBuilder out = new StringBuilder();
        write(type, out);
        return out.toString();
    }

    private static void write(CtyType type, StringBuilder out) {
        if (type instanceof PrimitiveType p) {
            out.append('"').append(p.jsonName()).append('"');
        } else if (type instanceof DynamicType) {
            out.append("\"dynamic\"");
        } else if (type instanceof CollectionType c) {
            String kind = c instanceof ListType ? "list" : c instanceof SetType ? "set" : "map";
            out.append("[\"").append(kind).append("\",");
            write(c.elementType(), out);
            out.append(']');
        } else if (type instanceof ObjectType o) {
            out.append("[\"object\",{");
            boolean first = true;
            for (Map.Entry<String, CtyType> attribute : o.attributes().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append('"');
                JsonStringEncoder.getInstance().quoteAsString(attribute.getKey(), out);
                out.append("\":");
                write(attribute.getValue(), out);
            }
            out.append("}]");
        } else if (type instanceof TupleType t) {
            out.append("[\"tuple\",[");
            for (int i = 0; i < t.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(t.elements().get(i), out);
            }
            out.append("]]");
        }
    }
}
