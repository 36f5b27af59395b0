package io.dashplane.provider.cty;

import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferOutput;
import org.msgpack.value.ValueType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The msgpack encoding of cty values used in the plugin protocol's {@code DynamicValue.msgpack}.
 * Encoding is driven by the schema type: objects always carry every attribute, a value in a
 * dynamic slot is written as {@code [type JSON, value]}.
 */
public final class CtyMsgpack {
    /** Extension type 0 with one zero byte: the wholly unknown value. */
    private static final byte UNKNOWN_EXTENSION_TYPE = 0;

    private CtyMsgpack() {
    }

    public static byte[] encode(CtyValue value, CtyType type) {
        ArrayBufferOutput out = new ArrayBufferOutput();
        try (MessagePacker packer = MessagePack.newDefaultPacker(out)) {
            encode(value, type, AttributePath.root(), packer);
            packer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static CtyValue decode(byte[] bytes, CtyType type) {
        if (bytes == null || bytes.length == 0) {
            throw new CtyException(AttributePath.root(), "no msgpack data to decode");
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            return decode(unpacker, type, AttributePath.root());
        } catch (MessagePackException e) {
            throw new CtyException(AttributePath.root(), "malformed msgpack: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CtyException(AttributePath.root(), "malformed msgpack: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- encoding

    private static void encode(CtyValue value, CtyType type, AttributePath path, MessagePacker packer)
            throws IOException {
        if (value == null) {
            throw new CtyException(path, "Java null instead of a cty value");
        }
        if (type.isDynamic() && !value.type().isDynamic()) {
            byte[] typeJson = value.type().toJson().getBytes(StandardCharsets.UTF_8);
            packer.packArrayHeader(2);
            packer.packBinaryHeader(typeJson.length);
            packer.writePayload(typeJson);
            encode(value, value.type(), path, packer);
            return;
        }
        if (!ValueChecks.conforms(type, value)) {
            throw new CtyException(path, "a value of type " + value.type().toJson()
                    + " cannot be encoded as " + type.toJson());
        }
        if (value instanceof UnknownValue) {
            packer.packExtensionTypeHeader(UNKNOWN_EXTENSION_TYPE, 1);
            packer.writePayload(new byte[] {0});
        } else if (value instanceof NullValue) {
            packer.packNil();
        } else if (value instanceof StringValue s) {
            packer.packString(s.value());
        } else if (value instanceof NumberValue n) {
            encodeNumber(n, packer);
        } else if (value instanceof BoolValue b) {
            packer.packBoolean(b.value());
        } else if (value instanceof ListValue list) {
            encodeSequence(list.elements(), ((ListType) type).elementType(), path, packer);
        } else if (value instanceof SetValue set) {
            encodeSequence(set.elements(), ((SetType) type).elementType(), path, packer);
        } else if (value instanceof TupleValue tuple) {
            List<CtyType> types = ((TupleType) type).elements();
            packer.packArrayHeader(tuple.elements().size());
            for (int i = 0; i < types.size(); i++) {
                encode(tuple.elements().get(i), types.get(i), path.index(i), packer);
            }
        } else if (value instanceof MapValue map) {
            CtyType elementType = ((MapType) type).elementType();
            packer.packMapHeader(map.entries().size());
            for (Map.Entry<String, CtyValue> entry : map.entries().entrySet()) {
                packer.packString(entry.getKey());
                encode(entry.getValue(), elementType, path.key(entry.getKey()), packer);
            }
        } else if (value instanceof ObjectValue object) {
            Map<String, CtyType> attributes = ((ObjectType) type).attributes();
            packer.packMapHeader(attributes.size());
            for (Map.Entry<String, CtyType> attribute : attributes.entrySet()) {
                packer.packString(attribute.getKey());
                encode(object.getAttr(attribute.getKey()), attribute.getValue(),
                        path.attr(attribute.getKey()), packer);
            }
        }
    }

    private static void encodeSequence(List<CtyValue> elements, CtyType elementType, AttributePath path,
                                       MessagePacker packer) throws IOException {
        packer.packArrayHeader(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            encode(elements.get(i), elementType, path.index(i), packer);
        }
    }

    /** int when an exact int64, float64 when exact and not whole, otherwise the decimal text. */
    private static void encodeNumber(NumberValue number, MessagePacker packer) throws IOException {
        BigDecimal value = number.value();
        boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        if (whole) {
            if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
                packer.packLong(value.longValueExact());
                return;
            }
        } else {
            double asDouble = value.doubleValue();
            if (Double.isFinite(asDouble) && new BigDecimal(asDouble).compareTo(value) == 0) {
                packer.packDouble(asDouble);
                return;
            }
        }
        packer.packString(number.toDecimalText());
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    // ---------------------------------------------------------------- decoding

    private static CtyValue decode(MessageUnpacker unpacker, CtyType type, AttributePath path) throws IOException {
        if (!unpacker.hasNext()) {
            throw new CtyException(path, "msgpack data ends early");
        }
        MessageFormat format = unpacker.getNextFormat();
        ValueType valueType = format.getValueType();
        if (valueType == ValueType.EXTENSION) {
            // Every extension is an unknown value; ext 12 carries refinements, which we drop.
            unpacker.skipValue();
            return CtyValue.unknownOf(type);
        }
        if (type.isDynamic()) {
            return decodeDynamic(unpacker, valueType, path);
        }
        if (valueType == ValueType.NIL) {
            unpacker.unpackNil();
            return CtyValue.nullOf(type);
        }
        if (type == CtyType.STRING) {
            return CtyValue.string(decodeString(unpacker, valueType, path, "a string"));
        }
        if (type == CtyType.NUMBER) {
            return decodeNumber(unpacker, format, path);
        }
        if (type == CtyType.BOOL) {
            require(valueType == ValueType.BOOLEAN, path, "a bool", valueType);
            return CtyValue.bool(unpacker.unpackBoolean());
        }
        if (type instanceof ListType listType) {
            return new ListValue(listType, decodeSequence(unpacker, valueType, listType.elementType(), path, "a list"));
        }
        if (type instanceof SetType setType) {
            return new SetValue(setType, decodeSequence(unpacker, valueType, setType.elementType(), path, "a set"));
        }
        if (type instanceof TupleType tupleType) {
            require(valueType == ValueType.ARRAY, path, "a tuple", valueType);
            int length = unpacker.unpackArrayHeader();
            List<CtyType> types = tupleType.elements();
            if (length != types.size()) {
                throw new CtyException(path, "a tuple of " + types.size() + " elements is required, got " + length);
            }
            List<CtyValue> elements = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                elements.add(decode(unpacker, types.get(i), path.index(i)));
            }
            return new TupleValue(tupleType, elements);
        }
        if (type instanceof MapType mapType) {
            require(valueType == ValueType.MAP, path, "a map", valueType);
            int length = unpacker.unpackMapHeader();
            Map<String, CtyValue> entries = new TreeMap<>();
            for (int i = 0; i < length; i++) {
                String key = decodeKey(unpacker, path, "map keys");
                if (entries.put(key, decode(unpacker, mapType.elementType(), path.key(key))) != null) {
                    throw new CtyException(path.key(key), "duplicate map key");
                }
            }
            return new MapValue(mapType, entries);
        }
        if (type instanceof ObjectType objectType) {
            return decodeObject(unpacker, valueType, objectType, path);
        }
        throw new CtyException(path, "cannot decode type " + type.toJson());
    }

    private static CtyValue decodeObject(MessageUnpacker unpacker, ValueType valueType, ObjectType type,
                                         AttributePath path) throws IOException {
        require(valueType == ValueType.MAP, path, "an object", valueType);
        int length = unpacker.unpackMapHeader();
        Map<String, CtyValue> attributes = new TreeMap<>();
        for (int i = 0; i < length; i++) {
            String name = decodeKey(unpacker, path, "object attribute names");
            CtyType attributeType = type.attributes().get(name);
            if (attributeType == null) {
                throw new CtyException(path, "unsupported attribute \"" + name + "\"");
            }
            if (attributes.put(name, decode(unpacker, attributeType, path.attr(name))) != null) {
                throw new CtyException(path.attr(name), "attribute given twice");
            }
        }
        for (String name : type.attributes().keySet()) {
            if (!attributes.containsKey(name)) {
                throw new CtyException(path, "missing attribute \"" + name + "\"");
            }
        }
        return new ObjectValue(type, attributes);
    }

    private static List<CtyValue> decodeSequence(MessageUnpacker unpacker, ValueType valueType, CtyType elementType,
                                                 AttributePath path, String expected) throws IOException {
        require(valueType == ValueType.ARRAY, path, expected, valueType);
        int length = unpacker.unpackArrayHeader();
        List<CtyValue> elements = new ArrayList<>(Math.min(length, 1024));
        for (int i = 0; i < length; i++) {
            elements.add(decode(unpacker, elementType, path.index(i)));
        }
        return elements;
    }

    private static CtyValue decodeDynamic(MessageUnpacker unpacker, ValueType valueType, AttributePath path)
            throws IOException {
        if (valueType == ValueType.NIL) {
            unpacker.unpackNil();
            return CtyValue.nullOf(CtyType.DYNAMIC);
        }
        require(valueType == ValueType.ARRAY, path, "a dynamic value [type, value]", valueType);
        int length = unpacker.unpackArrayHeader();
        if (length != 2) {
            throw new CtyException(path, "a dynamic value must be an array of two elements, got " + length);
        }
        ValueType typeFormat = unpacker.getNextFormat().getValueType();
        String typeJson = decodeString(unpacker, typeFormat, path, "the type JSON of a dynamic value");
        CtyType actualType;
        try {
            actualType = CtyType.fromJson(typeJson);
        } catch (IllegalArgumentException e) {
            throw new CtyException(path, "invalid type of dynamic value: " + e.getMessage());
        }
        return decode(unpacker, actualType, path);
    }

    private static String decodeKey(MessageUnpacker unpacker, AttributePath path, String what) throws IOException {
        ValueType keyType = unpacker.getNextFormat().getValueType();
        if (keyType != ValueType.STRING && keyType != ValueType.BINARY) {
            throw new CtyException(path, what + " must be strings, got msgpack " + describe(keyType));
        }
        return decodeString(unpacker, keyType, path, what);
    }

    private static String decodeString(MessageUnpacker unpacker, ValueType valueType, AttributePath path,
                                       String expected) throws IOException {
        if (valueType == ValueType.STRING) {
            return unpacker.unpackString();
        }
        if (valueType == ValueType.BINARY) {
            int length = unpacker.unpackBinaryHeader();
            return new String(unpacker.readPayload(length), StandardCharsets.UTF_8);
        }
        throw new CtyException(path, expected + " is required, got msgpack " + describe(valueType));
    }

    private static CtyValue decodeNumber(MessageUnpacker unpacker, MessageFormat format, AttributePath path)
            throws IOException {
        switch (format.getValueType()) {
            case INTEGER:
                if (format == MessageFormat.UINT64) {
                    BigInteger big = unpacker.unpackBigInteger();
                    return CtyValue.number(big);
                }
                return CtyValue.number(unpacker.unpackLong());
            case FLOAT: {
                double value = unpacker.unpackDouble();
                if (!Double.isFinite(value)) {
                    throw new CtyException(path, "the number " + value + " is not supported (infinite or NaN)");
                }
                return CtyValue.number(new BigDecimal(value));
            }
            case STRING:
            case BINARY: {
                String text = decodeString(unpacker, format.getValueType(), path, "a number");
                try {
                    return CtyValue.number(new BigDecimal(text.trim()));
                } catch (NumberFormatException e) {
                    throw new CtyException(path, "a number is required, got the text \"" + text + "\"");
                }
            }
            default:
                throw new CtyException(path, "a number is required, got msgpack " + describe(format.getValueType()));
        }
    }

    private static void require(boolean ok, AttributePath path, String expected, ValueType actual) {
        if (!ok) {
            throw new CtyException(path, expected + " is required, got msgpack " + describe(actual));
        }
    }

    private static String describe(ValueType valueType) {
        return valueType.name().toLowerCase();
    }
}
