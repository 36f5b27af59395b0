package io.dashplane.provider.cty;

import java.util.List;
import java.util.Objects;

public record ListValue(ListType type, List<CtyValue> elements) implements CtyValue {
    public ListValue {
        Objects.requireNonNull(type, "type");
        elements = List.copyOf(elements);
        for (int i = 0; i < elements.size(); i++) {
            ValueChecks.requireConforms(type.elementType(), elements.get(i), "list element " + i);
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
