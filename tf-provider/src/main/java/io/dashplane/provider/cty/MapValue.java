package io.dashplane.provider.cty;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A map with string keys, kept sorted by key. */
public record MapValue(MapType type, Map<String, CtyValue> entries) implements CtyValue {
    public MapValue {
        Objects.requireNonNull(type, "type");
        TreeMap<String, CtyValue> sorted = new TreeMap<>();
        entries.forEach((key, value) -> {
            ValueChecks.requireConforms(type.elementType(), value, "map element \"" + key + "\"");
            sorted.put(Objects.requireNonNull(key, "map key"), value);
        });
        entries = Collections.unmodifiableMap(sorted);
    }

    public Optional<CtyValue> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public Map<String, CtyValue> asMap() {
        return entries;
    }

    @Override
    public boolean isWhollyKnown() {
        return entries.values().stream().allMatch(CtyValue::isWhollyKnown);
    }

    @Override
    public int length() {
        return entries.size();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
