package io.dashplane.provider.cty;

import java.util.Objects;

public record MapType(CtyType elementType) implements CollectionType {
    public MapType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public String friendlyName() {
        return "map of " + elementType.friendlyName();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
