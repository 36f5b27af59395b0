package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.protocol.Block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of a provider configuration, resource or data source: a version and top-level
 * attributes (no nested blocks and no protocol 6 nested attribute types, so that the same schema
 * serves protocol 5 and 6; structured values use object/list types).
 */
public final class Schema {
    private final long version;
    private final String description;
    private final Map<String, Attr> attributes;
    private final ObjectType objectType;

    private Schema(long version, String description, List<Attr> attributes) {
        this.version = version;
        this.description = description == null ? "" : description;
        Map<String, Attr> byName = new LinkedHashMap<>();
        Map<String, CtyType> types = new LinkedHashMap<>();
        for (Attr attribute : attributes) {
            attribute.check();
            if (byName.put(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException("duplicate attribute " + attribute.name());
            }
            types.put(attribute.name(), attribute.type());
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.objectType = CtyType.object(types);
    }

    public static Schema of(long version, String description, Attr... attributes) {
        return new Schema(version, description, List.of(attributes));
    }

    public static Schema of(long version, String description, List<Attr> attributes) {
        return new Schema(version, description, new ArrayList<>(attributes));
    }

    public long version() {
        return version;
    }

    public String description() {
        return description;
    }

    /** Attributes in declaration order. */
    public Map<String, Attr> attributes() {
        return attributes;
    }

    public Attr attribute(String name) {
        Attr attribute = attributes.get(name);
        if (attribute == null) {
            throw new IllegalArgumentException("schema has no attribute " + name);
        }
        return attribute;
    }

    /** The cty type of a value of this schema. */
    public ObjectType objectType() {
        return objectType;
    }

    public io.dashplane.provider.protocol.Schema toProtocol() {
        return new io.dashplane.provider.protocol.Schema(version,
                new Block(attributes.values().stream().map(Attr::toProtocol).toList(), List.of(), description));
    }
}
