package io.dashplane.provider.cty;

/** The dynamic pseudo-type: "any type", decided by the value itself. */
public enum DynamicType implements CtyType {
    DYNAMIC;

    @Override
    public String friendlyName() {
        return "dynamic";
    }

    @Override
    public String toString() {
        return "dynamic";
    }
}
