package io.dashplane.provider.cty;

public record BoolValue(boolean value) implements CtyValue {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    @Override
    public CtyType type() {
        return CtyType.BOOL;
    }

    @Override
    public boolean asBoolean() {
        return value;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
