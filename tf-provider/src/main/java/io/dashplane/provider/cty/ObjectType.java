package io.dashplane.provider.cty;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An object type: a fixed set of named attributes, each with its own type. */
public record ObjectType(Map<String, CtyType> attributes) implements CtyType {

    public ObjectType {
        attributes = copy(attributes);
    }

    private static Map<String, CtyType> copy(Map<String, ? extends CtyType> attributes) {
        TreeMap<String, CtyType> sorted = new TreeMap<>();
        attributes.forEach((name, type) -> sorted.put(
                Objects.requireNonNull(name, "attribute name"),
                Objects.requireNonNull(type, () -> "type of attribute " + name)));
        return Collections.unmodifiableMap(sorted);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    /** The type of the named attribute; throws when the attribute does not exist. */
    public CtyType attributeType(String name) {
        CtyType type = attributes.get(name);
        if (type == null) {
            throw new IllegalArgumentException("object type has no attribute \"" + name + "\"");
        }
        return type;
    }

    @Override
    public String friendlyName() {
        return "object";
    }

    @Override
    public String toString() {
        return toJson();
    }

    public static final class Builder {
        private final Map<String, CtyType> attributes = new TreeMap<>();

        private Builder() {
        }

        public Builder attribute(String name, CtyType type) {
            attributes.put(name, type);
            return this;
        }

        public ObjectType build() {
            return new ObjectType(attributes);
        }
    }
}
