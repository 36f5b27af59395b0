package io.dashplane.provider.protocol;

import java.util.List;

/** A configuration block: its attributes and nested block types. */
public record Block(List<Attribute> attributes, List<NestedBlock> blockTypes, String description) {
    public Block {
        attributes = List.copyOf(attributes);
        blockTypes = List.copyOf(blockTypes);
        description = description == null ? "" : description;
    }
}
