package io.dashplane.provider.cty;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An immutable cty value: null of a type, unknown of a type, or a known value. Equality is deep
 * and structural ("raw equality"): an unknown equals another unknown of the same type, numbers
 * compare by numeric value, sets ignore order.
 */
public sealed interface CtyValue
        permits NullValue, UnknownValue, StringValue, NumberValue, BoolValue,
                ListValue, SetValue, MapValue, ObjectValue, TupleValue {

    /** The value's type. Known values of containers carry the type they were built with. */
    CtyType type();

    // ---- construction ----

    static NullValue nullOf(CtyType type) {
        return new NullValue(type);
    }

    static UnknownValue unknownOf(CtyType type) {
        return new UnknownValue(type);
    }

    static StringValue string(String value) {
        return new StringValue(value);
    }

    static NumberValue number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static NumberValue number(BigDecimal value) {
        return new NumberValue(value);
    }

    static NumberValue number(BigInteger value) {
        return new NumberValue(new BigDecimal(value));
    }

    /** A number from its decimal text, e.g. "0.1" or "1e3". */
    static NumberValue number(String decimalText) {
        return new NumberValue(new BigDecimal(decimalText));
    }

    static BoolValue bool(boolean value) {
        return value ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static ListValue list(CtyType elementType, List<? extends CtyValue> elements) {
        return new ListValue(new ListType(elementType), List.copyOf(elements));
    }

    static ListValue list(CtyType elementType, CtyValue... elements) {
        return list(elementType, Arrays.asList(elements));
    }

    static SetValue set(CtyType elementType, List<? extends CtyValue> elements) {
        return new SetValue(new SetType(elementType), List.copyOf(elements));
    }

    static SetValue set(CtyType elementType, CtyValue... elements) {
        return set(elementType, Arrays.asList(elements));
    }

    static MapValue map(CtyType elementType, Map<String, ? extends CtyValue> elements) {
        return new MapValue(new MapType(elementType), Map.copyOf(elements));
    }

    /** An object of the given type; attributes absent from {@code attributes} are null. */
    static ObjectValue object(ObjectType type, Map<String, ? extends CtyValue> attributes) {
        ObjectValue.Builder builder = ObjectValue.builder(type);
        attributes.forEach(builder::put);
        return builder.build();
    }

    static TupleValue tuple(TupleType type, List<? extends CtyValue> elements) {
        return new TupleValue(type, List.copyOf(elements));
    }

    // ---- state ----

    default boolean isNull() {
        return this instanceof NullValue;
    }

    default boolean isKnown() {
        return !(this instanceof UnknownValue);
    }

    /** Known and not null. */
    default boolean isPresent() {
        return !isNull() && isKnown();
    }

    /** Known, and every nested value known too. */
    default boolean isWhollyKnown() {
        return isKnown();
    }

    // ---- accessors; each throws IllegalStateException when the value is not of that shape ----

    default String asString() {
        throw wrongShape("a known string");
    }

    default BigDecimal asBigDecimal() {
        throw wrongShape("a known number");
    }

    /** The number as a long; throws when it is not an integer in the long range. */
    default long asLong() {
        try {
            return asBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException("number " + asBigDecimal().toPlainString() + " is not a whole number in the 64-bit range");
        }
    }

    default boolean asBoolean() {
        throw wrongShape("a known bool");
    }

    /** Elements of a known list, set or tuple. */
    default List<CtyValue> elements() {
        throw wrongShape("a known list, set or tuple");
    }

    /** Elements of a known map or attributes of a known object, sorted by key. */
    default Map<String, CtyValue> asMap() {
        throw wrongShape("a known map or object");
    }

    /** Number of elements of a known list, set, tuple or map, or attributes of an object. */
    default int length() {
        throw wrongShape("a known collection");
    }

    /**
     * An attribute of an object value. For a null object the result is null of the attribute's
     * type, for an unknown object it is unknown of that type.
     */
    default CtyValue getAttr(String name) {
        if (type() instanceof ObjectType objectType) {
            CtyType attributeType = objectType.attributeType(name);
            return isNull() ? nullOf(attributeType) : unknownOf(attributeType);
        }
        throw wrongShape("an object");
    }

    /** Element {@code index} of a known list or tuple. */
    default CtyValue index(int index) {
        List<CtyValue> elements = elements();
        if (this instanceof SetValue) {
            throw wrongShape("a list or tuple");
        }
        if (index < 0 || index >= elements.size()) {
            throw new IndexOutOfBoundsException("index " + index + " of a sequence of " + elements.size());
        }
        return elements.get(index);
    }

    private IllegalStateException wrongShape(String expected) {
        String actual = isNull() ? "null" : !isKnown() ? "unknown" : "a " + type().friendlyName();
        return new IllegalStateException("expected " + expected + " but the value is " + actual
                + " (type " + type().friendlyName() + ")");
    }

    // ---- traversal ----

    /** Receives every value of a tree, parents before children. */
    @FunctionalInterface
    interface Visitor {
        /** Returns whether to visit the children of {@code value}. */
        boolean visit(AttributePath path, CtyValue value);
    }

    /** Visits this value and, depth first, every nested value with its path. */
    default void walk(Visitor visitor) {
        ValueTraversal.walk(AttributePath.root(), this, visitor);
    }

    /**
     * Rebuilds this value bottom-up: children are transformed first, then {@code function} is
     * applied to each (rebuilt) value with its path. Return the given value to keep it.
     */
    default CtyValue transform(BiFunction<AttributePath, CtyValue, CtyValue> function) {
        return ValueTraversal.transform(AttributePath.root(), this, function);
    }
}
