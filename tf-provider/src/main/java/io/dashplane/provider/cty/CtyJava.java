package io.dashplane.provider.cty;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conversion between cty values and plain Java: String, BigDecimal, Boolean, List, Map and null.
 * Objects and maps become {@code Map<String, Object>} in key order; lists, sets and tuples become
 * {@code List<Object>}.
 */
public final class CtyJava {
    private CtyJava() {
    }

    /** Plain Java for a value; throws {@link CtyException} when any part is unknown. */
    public static Object toJava(CtyValue value) {
        return toJava(value, AttributePath.root());
    }

    /** The attributes of a known object (or entries of a map) as plain Java. */
    public static Map<String, Object> toJavaMap(CtyValue value) {
        if (value.isNull()) {
            throw new CtyException(AttributePath.root(), "the value is null");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(value);
        if (map == null) {
            throw new CtyException(AttributePath.root(), "the value is null");
        }
        return map;
    }

    private static Object toJava(CtyValue value, AttributePath path) {
        if (value instanceof UnknownValue) {
            throw new CtyException(path, "the value is not known yet");
        }
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof StringValue s) {
            return s.value();
        }
        if (value instanceof NumberValue n) {
            return n.value();
        }
        if (value instanceof BoolValue b) {
            return b.value();
        }
        if (value instanceof MapValue || value instanceof ObjectValue) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean isMap = value instanceof MapValue;
            value.asMap().forEach((key, element) ->
                    out.put(key, toJava(element, isMap ? path.key(key) : path.attr(key))));
            return out;
        }
        List<Object> out = new ArrayList<>();
        List<CtyValue> elements = value.elements();
        for (int i = 0; i < elements.size(); i++) {
            out.add(toJava(elements.get(i), value instanceof SetValue ? path.setElement(elements.get(i)) : path.index(i)));
        }
        return out;
    }

    /**
     * A cty value of {@code type} from plain Java. Java null becomes null of the type; a
     * {@link CtyValue} is taken as it is; for an object type, keys missing from the map are null and
     * unknown keys are an error. For the dynamic type the value's type is implied from the Java
     * shape (List -> tuple, Map -> object).
     */
    public static CtyValue fromJava(Object java, CtyType type) {
        return fromJava(java, type, AttributePath.root());
    }

    private static CtyValue fromJava(Object java, CtyType type, AttributePath path) {
        if (java == null) {
            return CtyValue.nullOf(type);
        }
        if (java instanceof CtyValue value) {
            if (!ValueChecks.conforms(type, value)) {
                throw new CtyException(path, "a value of type " + value.type().toJson() + " where "
                        + type.toJson() + " is required");
            }
            return value;
        }
        if (type.isDynamic()) {
            return fromJava(java, impliedType(java, path), path);
        }
        if (type == CtyType.STRING) {
            if (java instanceof String s) {
                return CtyValue.string(s);
            }
            throw mismatch(path, "a string", java);
        }
        if (type == CtyType.NUMBER) {
            return CtyValue.number(toBigDecimal(java, path));
        }
        if (type == CtyType.BOOL) {
            if (java instanceof Boolean b) {
                return CtyValue.bool(b);
            }
            throw mismatch(path, "a bool", java);
        }
        if (type instanceof ListType || type instanceof SetType || type instanceof TupleType) {
            if (!(java instanceof Collection<?> collection)) {
                throw mismatch(path, "a collection", java);
            }
            List<CtyValue> elements = new ArrayList<>();
            int i = 0;
            for (Object element : collection) {
                CtyType elementType = type instanceof TupleType tuple
                        ? tupleElementType(tuple, i, collection.size(), path)
                        : ((CollectionType) type).elementType();
                elements.add(fromJava(element, elementType, path.index(i)));
                i++;
            }
            if (type instanceof ListType listType) {
                return new ListValue(listType, elements);
            }
            if (type instanceof SetType setType) {
                return new SetValue(setType, elements);
            }
            return new TupleValue((TupleType) type, elements);
        }
        if (!(java instanceof Map<?, ?> map)) {
            throw mismatch(path, "a map", java);
        }
        Map<String, CtyValue> entries = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new CtyException(path, "map keys must be strings, got " + entry.getKey());
            }
            CtyType elementType;
            AttributePath elementPath;
            if (type instanceof ObjectType objectType) {
                elementType = objectType.attributes().get(key);
                if (elementType == null) {
                    throw new CtyException(path, "unsupported attribute \"" + key + "\"");
                }
                elementPath = path.attr(key);
            } else {
                elementType = ((MapType) type).elementType();
                elementPath = path.key(key);
            }
            entries.put(key, fromJava(entry.getValue(), elementType, elementPath));
        }
        if (type instanceof ObjectType objectType) {
            objectType.attributes().forEach((name, attributeType) ->
                    entries.putIfAbsent(name, CtyValue.nullOf(attributeType)));
            return new ObjectValue(objectType, entries);
        }
        return new MapValue((MapType) type, entries);
    }

    private static CtyType tupleElementType(TupleType tuple, int index, int size, AttributePath path) {
        if (size != tuple.elements().size()) {
            throw new CtyException(path, "a tuple of " + tuple.elements().size() + " elements is required, got " + size);
        }
        return tuple.elements().get(index);
    }

    private static CtyType impliedType(Object java, AttributePath path) {
        if (java instanceof String) {
            return CtyType.STRING;
        }
        if (java instanceof Number) {
            return CtyType.NUMBER;
        }
        if (java instanceof Boolean) {
            return CtyType.BOOL;
        }
        if (java instanceof CtyValue value) {
            return value.type();
        }
        if (java instanceof Collection<?> collection) {
            List<CtyType> types = new ArrayList<>();
            int i = 0;
            for (Object element : collection) {
                types.add(element == null ? CtyType.DYNAMIC : impliedType(element, path.index(i)));
                i++;
            }
            return new TupleType(types);
        }
        if (java instanceof Map<?, ?> map) {
            Map<String, CtyType> attributes = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                attributes.put(key, entry.getValue() == null ? CtyType.DYNAMIC : impliedType(entry.getValue(), path.attr(key)));
            }
            return new ObjectType(attributes);
        }
        throw new CtyException(path, "no cty type for Java " + java.getClass().getName());
    }

    private static BigDecimal toBigDecimal(Object java, AttributePath path) {
        if (java instanceof BigDecimal d) {
            return d;
        }
        if (java instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (java instanceof Long || java instanceof Integer || java instanceof Short || java instanceof Byte) {
            return BigDecimal.valueOf(((Number) java).longValue());
        }
        if (java instanceof Double || java instanceof Float) {
            double d = ((Number) java).doubleValue();
            if (!Double.isFinite(d)) {
                throw new CtyException(path, "the number " + d + " is not supported (infinite or NaN)");
            }
            return BigDecimal.valueOf(d);
        }
        throw mismatch(path, "a number", java);
    }

    private static CtyException mismatch(AttributePath path, String expected, Object java) {
        return new CtyException(path, expected + " is required, got Java " + java.getClass().getSimpleName());
    }
}
