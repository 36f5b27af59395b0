package io.dashplane.provider.cty;

import java.util.Objects;

/** A value not known until apply. Refinements sent by newer clients are not kept. */
public record UnknownValue(CtyType type) implements CtyValue {
    public UnknownValue {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return "(unknown)";
    }
}
