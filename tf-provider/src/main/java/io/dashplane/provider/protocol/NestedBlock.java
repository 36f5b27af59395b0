package io.dashplane.provider.protocol;

import java.util.Objects;

/** A nested block type inside a block; {@code minItems}/{@code maxItems} 0 mean "no limit". */
public record NestedBlock(String typeName, Block block, Nesting nesting, long minItems, long maxItems) {
    public enum Nesting { SINGLE, LIST, SET, MAP, GROUP }

    public NestedBlock {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(nesting, "nesting");
    }
}
