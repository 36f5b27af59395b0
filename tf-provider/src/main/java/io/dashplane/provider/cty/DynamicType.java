package io.dashplane.provider.cty;

/** The dynamic pseudo-type: "any type", decided by the value itself. The one instance is {@link CtyType#DYNAMIC}. */
public final class DynamicType implements CtyType {

    DynamicType() {
    }

    @Override
    public String friendlyName() {
        return "dynamic";
    }

    @Override
    public int hashCode() {
        return 0x64796e;
    }

    @Override
    public String toString() {
        return "dynamic";
    }
}
