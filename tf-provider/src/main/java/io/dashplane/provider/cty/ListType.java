package io.dashplane.provider.cty;

import java.util.Objects;

public record ListType(CtyType elementType) implements CollectionType {
    public ListType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public String friendlyName() {
        return "list of " + elementType.friendlyName();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
