package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ListType;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.cty.ObjectValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable object value of a schema with plain-Java accessors: what resources read (config,
 * plan, state) and return (new state). Getters return Java null for a null attribute and throw for
 * an unknown one (check {@link #isKnown(String)} first where unknowns are possible, i.e. in plans).
 */
public final class Values {
    private final ObjectValue value;

    public Values(ObjectValue value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** An object of the type with every attribute null. */
    public static Values empty(ObjectType type) {
        return new Values(ObjectValue.builder(type).build());
    }

    public ObjectValue toCty() {
        return value;
    }

    public ObjectType type() {
        return value.type();
    }

    public CtyValue get(String name) {
        return value.getAttr(name);
    }

    public boolean isNull(String name) {
        return get(name).isNull();
    }

    public boolean isKnown(String name) {
        return get(name).isKnown();
    }

    /** Known and not null. */
    public boolean isPresent(String name) {
        return get(name).isPresent();
    }

    public String getString(String name) {
        CtyValue v = known(name);
        return v.isNull() ? null : v.asString();
    }

    public Boolean getBool(String name) {
        CtyValue v = known(name);
        return v.isNull() ? null : v.asBoolean();
    }

    public Long getLong(String name) {
        CtyValue v = known(name);
        return v.isNull() ? null : v.asLong();
    }

    public BigDecimal getNumber(String name) {
        CtyValue v = known(name);
        return v.isNull() ? null : v.asBigDecimal();
    }

    /** Elements of a list or set of strings; null elements are skipped. */
    public List<String> getStringList(String name) {
        CtyValue v = known(name);
        if (v.isNull()) {
            return null;
        }
        return v.elements().stream().filter(e -> !e.isNull()).map(CtyValue::asString).toList();
    }

    /**
     * The blocks of a nested block type ({@link ListBlock}), each as values of the block's attributes;
     * empty when there are none. Throws when the list is unknown (a dynamic block with unknown for_each).
     */
    public List<Values> blocks(String name) {
        CtyValue v = known(name);
        if (v.isNull()) {
            return List.of();
        }
        return v.elements().stream().map(e -> new Values((ObjectValue) e)).toList();
    }

    /** Sets the blocks of a nested block type. */
    public Values withBlocks(String name, List<Values> blocks) {
        CtyType elementType = ((ListType) attrType(name)).elementType();
        return with(name, CtyValue.list(elementType, blocks.stream().map(Values::toCty).toList()));
    }

    private CtyValue known(String name) {
        CtyValue v = get(name);
        if (!v.isKnown()) {
            throw new IllegalStateException("attribute " + name + " is not known yet");
        }
        return v;
    }

    public Values with(String name, CtyValue attribute) {
        return new Values(value.withAttr(name, attribute));
    }

    /** Sets a string attribute; Java null sets null. */
    public Values with(String name, String attribute) {
        return with(name, attribute == null ? CtyValue.nullOf(attrType(name)) : CtyValue.string(attribute));
    }

    public Values with(String name, Boolean attribute) {
        return with(name, attribute == null ? CtyValue.nullOf(attrType(name)) : CtyValue.bool(attribute));
    }

    public Values with(String name, Long attribute) {
        return with(name, attribute == null ? CtyValue.nullOf(attrType(name)) : CtyValue.number(attribute));
    }

    public Values with(String name, BigDecimal attribute) {
        return with(name, attribute == null ? CtyValue.nullOf(attrType(name)) : CtyValue.number(attribute));
    }

    /** Sets a list of strings (or set, by the attribute's type); Java null sets null. */
    public Values withStrings(String name, List<String> attribute) {
        CtyType type = attrType(name);
        if (attribute == null) {
            return with(name, CtyValue.nullOf(type));
        }
        List<CtyValue> elements = attribute.stream().<CtyValue>map(CtyValue::string).toList();
        return with(name, type instanceof io.dashplane.provider.cty.SetType
                ? CtyValue.set(CtyType.STRING, elements) : CtyValue.list(CtyType.STRING, elements));
    }

    public Values withNull(String name) {
        return with(name, CtyValue.nullOf(attrType(name)));
    }

    public Values withUnknown(String name) {
        return with(name, CtyValue.unknownOf(attrType(name)));
    }

    /** Sets several attributes at once. */
    public Values withAll(Map<String, ? extends CtyValue> attributes) {
        Map<String, CtyValue> all = new TreeMap<>(value.attributes());
        all.putAll(attributes);
        return new Values(new ObjectValue(value.type(), all));
    }

    private CtyType attrType(String name) {
        return value.type().attributeType(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Values v && v.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
