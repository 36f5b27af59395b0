package io.dashplane.provider.cty;

import java.util.Objects;

public record SetType(CtyType elementType) implements CollectionType {
    public SetType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public String friendlyName() {
        return "set of " + elementType.friendlyName();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
