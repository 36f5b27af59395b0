package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.ObjectType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource, data source or provider schema as read from GetProviderSchema/GetSchema: the harness
 * builds values from this wire schema, never from the provider's Java classes. Nested block types are
 * supported with LIST nesting only (the only nesting Dashplane's schemas use), one level deep.
 */
public record BlockSchema(long version, Map<String, AttributeSchema> attributes, Map<String, ListBlockSchema> blocks) {
    public BlockSchema {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** An attribute-only schema. */
    public BlockSchema(long version, Map<String, AttributeSchema> attributes) {
        this(version, attributes, Map.of());
    }

    public record AttributeSchema(String name, CtyType type, boolean required, boolean optional, boolean computed,
                                  boolean sensitive) {
    }

    /** A nested block type with LIST nesting: its attributes and item limits (0 = no limit). */
    public record ListBlockSchema(String name, Map<String, AttributeSchema> attributes, long minItems, long maxItems) {
        public ObjectType elementType() {
            return objectTypeOf(attributes);
        }

        public CtyType type() {
            return CtyType.list(elementType());
        }

        public AttributeSchema attribute(String attributeName) {
            AttributeSchema attribute = attributes.get(attributeName);
            if (attribute == null) {
                throw new IllegalArgumentException("block " + name + " has no attribute " + attributeName
                        + "; it has " + attributes.keySet());
            }
            return attribute;
        }
    }

    private static ObjectType objectTypeOf(Map<String, AttributeSchema> attributes) {
        Map<String, CtyType> types = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> types.put(name, attribute.type()));
        return CtyType.object(types);
    }

    public ObjectType objectType() {
        Map<String, CtyType> types = new LinkedHashMap<>(objectTypeOf(attributes).attributes());
        blocks.forEach((name, block) -> types.put(name, block.type()));
        return CtyType.object(types);
    }

    public AttributeSchema attribute(String name) {
        AttributeSchema attribute = attributes.get(name);
        if (attribute == null) {
            throw new IllegalArgumentException("the schema has no attribute " + name + "; it has " + attributes.keySet());
        }
        return attribute;
    }

    /** Whether {@code name} is an attribute or a block type of this schema. */
    public boolean hasMember(String name) {
        return attributes.containsKey(name) || blocks.containsKey(name);
    }
}
