package io.dashplane.provider.cty;

import java.util.Objects;

public record NullValue(CtyType type) implements CtyValue {
    public NullValue {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return "null";
    }
}
