package io.dashplane.provider.cty;

import java.util.List;
import java.util.Map;

/**
 * A cty type: the type system Terraform uses for every value crossing the plugin protocol.
 * Types are immutable and compare by structure.
 */
public sealed interface CtyType
        permits PrimitiveType, DynamicType, CollectionType, ObjectType, TupleType {

    PrimitiveType STRING = new PrimitiveType("string");
    PrimitiveType NUMBER = new PrimitiveType("number");
    PrimitiveType BOOL = new PrimitiveType("bool");
    DynamicType DYNAMIC = new DynamicType();

    static ListType list(CtyType elementType) {
        return new ListType(elementType);
    }

    static SetType set(CtyType elementType) {
        return new SetType(elementType);
    }

    static MapType map(CtyType elementType) {
        return new MapType(elementType);
    }

    static ObjectType object(Map<String, ? extends CtyType> attributes) {
        return new ObjectType(Map.copyOf(attributes));
    }

    static TupleType tuple(List<? extends CtyType> elements) {
        return new TupleType(List.copyOf(elements));
    }

    static TupleType tuple(CtyType... elements) {
        return new TupleType(List.of(elements));
    }

    /** Parses Terraform's type JSON, e.g. {@code ["list","string"]}. */
    static CtyType fromJson(String json) {
        return TypeJson.parse(json);
    }

    /** Terraform's type JSON for this type, e.g. {@code ["map","number"]}. */
    default String toJson() {
        return TypeJson.write(this);
    }

    /** Human-readable name for messages, e.g. "list of string". */
    String friendlyName();

    default boolean isPrimitive() {
        return this instanceof PrimitiveType;
    }

    default boolean isDynamic() {
        return this == DYNAMIC;
    }

    /** True when this type contains the dynamic pseudo-type anywhere. */
    default boolean hasDynamic() {
        if (this instanceof DynamicType) {
            return true;
        }
        if (this instanceof CollectionType c) {
            return c.elementType().hasDynamic();
        }
        if (this instanceof ObjectType o) {
            return o.attributes().values().stream().anyMatch(CtyType::hasDynamic);
        }
        if (this instanceof TupleType t) {
            return t.elements().stream().anyMatch(CtyType::hasDynamic);
        }
        return false;
    }

    /**
     * Whether a value of {@code valueType} may stand where this type is expected: equal types,
     * or this type is (or holds, in the same place) the dynamic pseudo-type.
     */
    default boolean accepts(CtyType valueType) {
        if (this == DYNAMIC || this.equals(valueType)) {
            return true;
        }
        if (this instanceof CollectionType c && valueType instanceof CollectionType v
                && c.getClass() == v.getClass()) {
            return c.elementType().accepts(v.elementType());
        }
        if (this instanceof ObjectType o && valueType instanceof ObjectType v
                && o.attributes().keySet().equals(v.attributes().keySet())) {
            return o.attributes().entrySet().stream()
                    .allMatch(e -> e.getValue().accepts(v.attributes().get(e.getKey())));
        }
        if (this instanceof TupleType t && valueType instanceof TupleType v
                && t.elements().size() == v.elements().size()) {
            for (int i = 0; i < t.elements().size(); i++) {
                if (!t.elements().get(i).accepts(v.elements().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
