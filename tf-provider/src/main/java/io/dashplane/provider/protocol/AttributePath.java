package io.dashplane.provider.protocol;

import java.util.ArrayList;
import java.util.List;

/** Path to an attribute or element inside a configuration value; lets the client point at a config line. */
public record AttributePath(List<Step> steps) {
    public AttributePath {
        steps = List.copyOf(steps);
    }

    public sealed interface Step permits AttributeName, StringKey, IntIndex {}

    public record AttributeName(String name) implements Step {}

    public record StringKey(String key) implements Step {}

    public record IntIndex(long index) implements Step {}

    public static final AttributePath ROOT = new AttributePath(List.of());

    public static AttributePath of(String attribute) {
        return ROOT.attribute(attribute);
    }

    public AttributePath attribute(String name) {
        return append(new AttributeName(name));
    }

    public AttributePath key(String key) {
        return append(new StringKey(key));
    }

    public AttributePath index(long index) {
        return append(new IntIndex(index));
    }

    private AttributePath append(Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return new AttributePath(next);
    }
}
