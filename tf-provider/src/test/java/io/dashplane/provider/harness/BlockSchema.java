package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.ObjectType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource, data source or provider schema as read from GetProviderSchema/GetSchema: the harness
 * builds values from this wire schema, never from the provider's Java classes.
 */
public record BlockSchema(long version, Map<String, AttributeSchema> attributes, int nestedBlocks) {
    public record AttributeSchema(String name, CtyType type, boolean required, boolean optional, boolean computed,
                                  boolean sensitive) {
    }

    public ObjectType objectType() {
        Map<String, CtyType> types = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> types.put(name, attribute.type()));
        return CtyType.object(types);
    }

    public AttributeSchema attribute(String name) {
        AttributeSchema attribute = attributes.get(name);
        if (attribute == null) {
            throw new IllegalArgumentException("the schema has no attribute " + name + "; it has " + attributes.keySet());
        }
        return attribute;
    }
}
