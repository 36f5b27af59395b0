package io.dashplane.provider.cty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set. Wholly known elements are deduplicated; elements holding unknowns are kept apart (two
 * unknowns may turn out to be different values). Equality ignores element order.
 */
public record SetValue(SetType type, List<CtyValue> elements) implements CtyValue {
    public SetValue {
        Objects.requireNonNull(type, "type");
        List<CtyValue> distinct = new ArrayList<>(elements.size());
        Set<CtyValue> seen = new LinkedHashSet<>();
        for (CtyValue element : elements) {
            ValueChecks.requireConforms(type.elementType(), element, "set element");
            if (!element.isWhollyKnown() || seen.add(element)) {
                distinct.add(element);
            }
        }
        elements = List.copyOf(distinct);
    }

    @Override
    public boolean isWhollyKnown() {
        return elements.stream().allMatch(CtyValue::isWhollyKnown);
    }

    @Override
    public int length() {
        return elements.size();
    }

    public boolean contains(CtyValue value) {
        return elements.contains(value);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SetValue set) || !type.equals(set.type) || elements.size() != set.elements.size()) {
            return false;
        }
        Map<CtyValue, Integer> counts = new HashMap<>();
        elements.forEach(e -> counts.merge(e, 1, Integer::sum));
        for (CtyValue e : set.elements) {
            Integer count = counts.get(e);
            if (count == null) {
                return false;
            }
            if (count == 1) {
                counts.remove(e);
            } else {
                counts.put(e, count - 1);
            }
        }
        return counts.isEmpty();
    }

    @Override
    public int hashCode() {
        int hash = type.hashCode();
        for (CtyValue e : elements) {
            hash += e.hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "set" + elements;
    }
}
