package io.dashplane.provider.cty;

import java.util.Objects;

public record StringValue(String value) implements CtyValue {
    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public CtyType type() {
        return CtyType.STRING;
    }

    @Override
    public String asString() {
        return value;
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
