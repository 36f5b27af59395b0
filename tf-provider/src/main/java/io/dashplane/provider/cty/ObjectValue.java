package io.dashplane.provider.cty;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A known object: a value for every attribute of its type (null values included). */
public record ObjectValue(ObjectType type, Map<String, CtyValue> attributes) implements CtyValue {
    public ObjectValue {
        Objects.requireNonNull(type, "type");
        TreeMap<String, CtyValue> sorted = new TreeMap<>(attributes);
        if (!sorted.keySet().equals(type.attributes().keySet())) {
            throw new IllegalArgumentException("object attributes " + sorted.keySet()
                    + " do not match the type's attributes " + type.attributes().keySet());
        }
        sorted.forEach((name, value) ->
                ValueChecks.requireConforms(type.attributes().get(name), value, "attribute \"" + name + "\""));
        attributes = Collections.unmodifiableMap(sorted);
    }

    public static Builder builder(ObjectType type) {
        return new Builder(type);
    }

    @Override
    public CtyValue getAttr(String name) {
        CtyValue value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("object type has no attribute \"" + name + "\"");
        }
        return value;
    }

    /** A copy with one attribute replaced. */
    public ObjectValue withAttr(String name, CtyValue value) {
        type.attributeType(name);
        TreeMap<String, CtyValue> changed = new TreeMap<>(attributes);
        changed.put(name, value);
        return new ObjectValue(type, changed);
    }

    @Override
    public Map<String, CtyValue> asMap() {
        return attributes;
    }

    @Override
    public boolean isWhollyKnown() {
        return attributes.values().stream().allMatch(CtyValue::isWhollyKnown);
    }

    @Override
    public int length() {
        return attributes.size();
    }

    @Override
    public String toString() {
        return attributes.toString();
    }

    /** Builds an object; attributes not set are null. */
    public static final class Builder {
        private final ObjectType type;
        private final Map<String, CtyValue> attributes = new TreeMap<>();

        private Builder(ObjectType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder put(String name, CtyValue value) {
            type.attributeType(name);
            attributes.put(name, Objects.requireNonNull(value, () -> "value of attribute " + name));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, value == null ? CtyValue.nullOf(type.attributeType(name)) : CtyValue.string(value));
        }

        public Builder put(String name, Boolean value) {
            return put(name, value == null ? CtyValue.nullOf(type.attributeType(name)) : CtyValue.bool(value));
        }

        public Builder put(String name, long value) {
            return put(name, CtyValue.number(value));
        }

        public ObjectValue build() {
            Map<String, CtyValue> all = new TreeMap<>(attributes);
            type.attributes().forEach((name, attributeType) ->
                    all.putIfAbsent(name, CtyValue.nullOf(attributeType)));
            return new ObjectValue(type, all);
        }
    }
}
