package io.dashplane.provider.cty;

import java.util.List;

/** A tuple type: a fixed-length sequence whose elements each have their own type. */
public record TupleType(List<CtyType> elements) implements CtyType {

    public TupleType {
        elements = List.copyOf(elements);
    }

    @Override
    public String friendlyName() {
        return "tuple";
    }

    @Override
    public String toString() {
        return toJson();
    }
}
