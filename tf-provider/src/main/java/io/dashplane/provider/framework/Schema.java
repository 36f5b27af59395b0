package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.protocol.Block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of a provider configuration, resource or data source: a version, top-level attributes
 * and nested {@link ListBlock}s of attributes. No protocol 6 nested attribute types, so that the same
 * schema serves protocol 5 and 6; other structured values use object/list types.
 */
public final class Schema {
    private final long version;
    private final String description;
    private final Map<String, Attr> attributes;
    private final Map<String, ListBlock> blocks;
    private final ObjectType objectType;

    private Schema(long version, String description, List<Attr> attributes, List<ListBlock> blocks) {
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
        Map<String, ListBlock> blocksByName = new LinkedHashMap<>();
        for (ListBlock block : blocks) {
            block.check();
            if (byName.containsKey(block.name()) || blocksByName.put(block.name(), block) != null) {
                throw new IllegalArgumentException("duplicate attribute or block " + block.name());
            }
            types.put(block.name(), block.type());
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.blocks = Collections.unmodifiableMap(blocksByName);
        this.objectType = CtyType.object(types);
    }

    public static Schema of(long version, String description, Attr... attributes) {
        return new Schema(version, description, List.of(attributes), List.of());
    }

    public static Schema of(long version, String description, List<Attr> attributes) {
        return new Schema(version, description, new ArrayList<>(attributes), List.of());
    }

    public static Schema of(long version, String description, List<Attr> attributes, List<ListBlock> blocks) {
        return new Schema(version, description, new ArrayList<>(attributes), new ArrayList<>(blocks));
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

    /** Nested block types in declaration order. */
    public Map<String, ListBlock> blocks() {
        return blocks;
    }

    public ListBlock block(String name) {
        ListBlock block = blocks.get(name);
        if (block == null) {
            throw new IllegalArgumentException("schema has no block " + name);
        }
        return block;
    }

    /**
     * The value with every null block list made empty: Terraform never accepts a null list of blocks
     * (state written before a block type existed, or a resource that left one out).
     */
    public Values withEmptyBlocks(Values values) {
        Values result = values;
        for (ListBlock block : blocks.values()) {
            if (result.get(block.name()).isNull()) {
                result = result.with(block.name(), CtyValue.list(block.elementType(), List.of()));
            }
        }
        return result;
    }

    /** The cty type of a value of this schema. */
    public ObjectType objectType() {
        return objectType;
    }

    public io.dashplane.provider.protocol.Schema toProtocol() {
        return new io.dashplane.provider.protocol.Schema(version,
                new Block(attributes.values().stream().map(Attr::toProtocol).toList(),
                        blocks.values().stream().map(ListBlock::toProtocol).toList(), description));
    }
}
