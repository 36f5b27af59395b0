package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.ListType;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.protocol.Block;
import io.dashplane.provider.protocol.NestedBlock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A nested block type with LIST nesting, declared once next to the schema's attributes:
 * {@code ListBlock.of("slack", Attr.string("url").required().sensitive(), ...).maxItems(3)}.
 * In HCL it is written as repeated blocks ({@code slack { url = ... }}); its value is a list of objects
 * (one attribute per nested attribute) that is never null, possibly empty, and whose length always
 * equals the number of blocks in the configuration. Blocks inside blocks are not supported. Blocks
 * exist in protocol 5 and 6 alike, so a schema with them still serves both.
 */
public final class ListBlock {
    private final String name;
    private final Map<String, Attr> attributes;
    private final ObjectType elementType;
    private String description = "";
    private int minItems;
    private int maxItems;

    private ListBlock(String name, List<Attr> attributes) {
        this.name = Objects.requireNonNull(name, "name");
        Map<String, Attr> byName = new LinkedHashMap<>();
        Map<String, CtyType> types = new LinkedHashMap<>();
        for (Attr attribute : attributes) {
            attribute.check();
            if (byName.put(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException("duplicate attribute " + attribute.name() + " in block " + name);
            }
            types.put(attribute.name(), attribute.type());
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.elementType = CtyType.object(types);
    }

    public static ListBlock of(String name, Attr... attributes) {
        return new ListBlock(name, List.of(attributes));
    }

    public static ListBlock of(String name, List<Attr> attributes) {
        return new ListBlock(name, List.copyOf(attributes));
    }

    public ListBlock description(String text) {
        this.description = text == null ? "" : text;
        return this;
    }

    /** The configuration must hold at least this many blocks (Terraform checks it before the provider). */
    public ListBlock minItems(int count) {
        this.minItems = count;
        return this;
    }

    /** At most this many blocks; 0 means no limit. */
    public ListBlock maxItems(int count) {
        this.maxItems = count;
        return this;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int minItems() {
        return minItems;
    }

    public int maxItems() {
        return maxItems;
    }

    /** Nested attributes in declaration order. */
    public Map<String, Attr> attributes() {
        return attributes;
    }

    public Attr attribute(String attributeName) {
        Attr attribute = attributes.get(attributeName);
        if (attribute == null) {
            throw new IllegalArgumentException("block " + name + " has no attribute " + attributeName);
        }
        return attribute;
    }

    /** The type of one block. */
    public ObjectType elementType() {
        return elementType;
    }

    /** The type of the block list in the schema's object. */
    public ListType type() {
        return CtyType.list(elementType);
    }

    void check() {
        if (minItems < 0 || maxItems < 0 || (maxItems > 0 && maxItems < minItems)) {
            throw new IllegalStateException("block " + name + " has invalid item limits " + minItems + ".." + maxItems);
        }
    }

    NestedBlock toProtocol() {
        return new NestedBlock(name, new Block(attributes.values().stream().map(Attr::toProtocol).toList(), List.of(),
                description), NestedBlock.Nesting.LIST, minItems, maxItems);
    }
}
