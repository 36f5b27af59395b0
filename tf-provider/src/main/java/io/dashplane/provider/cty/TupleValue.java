package io.dashplane.provider.cty;

import java.util.List;
import java.util.Objects;

public record TupleValue(TupleType type, List<CtyValue> elements) implements CtyValue {
    public TupleValue {
        Objects.requireNonNull(type, "type");
        elements = List.copyOf(elements);
        if (elements.size() != type.elements().size()) {
            throw new IllegalArgumentException("a tuple of " + type.elements().size()
                    + " elements is required, " + elements.size() + " given");
        }
        for (int i = 0; i < elements.size(); i++) {
            ValueChecks.requireConforms(type.elements().get(i), elements.get(i), "tuple element " + i);
        }
    }

    @Override
    public boolean isWhollyKnown() {
        return elements.stream().allMatch(CtyValue::isWhollyKnown);
    }

    @Override
    public int length() {
        return elements.size();
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
