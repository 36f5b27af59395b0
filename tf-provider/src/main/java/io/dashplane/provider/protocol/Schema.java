package io.dashplane.provider.protocol;

import java.util.Objects;

/** A versioned block schema (provider, resource type or data source). */
public record Schema(long version, Block block) {
    public Schema {
        Objects.requireNonNull(block, "block");
    }
}
