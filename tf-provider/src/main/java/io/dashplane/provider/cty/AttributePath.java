package io.dashplane.provider.cty;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from the root of a value to one of its parts, as used in Terraform diagnostics
 * ({@code AttributePath} with attribute-name, string-key and int-key steps).
 */
public record AttributePath(List<PathStep> steps) {
    private static final AttributePath ROOT = new AttributePath(List.of());

    public AttributePath {
        steps = List.copyOf(steps);
    }

    public static AttributePath root() {
        return ROOT;
    }

    /** A path of attribute names, e.g. {@code of("dashboard", "title")}. */
    public static AttributePath of(String... attributeNames) {
        AttributePath path = ROOT;
        for (String name : attributeNames) {
            path = path.attr(name);
        }
        return path;
    }

    public AttributePath attr(String name) {
        return append(new PathStep.AttributeName(name));
    }

    public AttributePath key(String key) {
        return append(new PathStep.ElementKeyString(key));
    }

    public AttributePath index(long index) {
        return append(new PathStep.ElementKeyInt(index));
    }

    public AttributePath setElement(CtyValue element) {
        return append(new PathStep.SetElement(element));
    }

    public AttributePath append(PathStep step) {
        List<PathStep> longer = new ArrayList<>(steps.size() + 1);
        longer.addAll(steps);
        longer.add(step);
        return new AttributePath(longer);
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** The path without its last step; the root's parent is the root. */
    public AttributePath parent() {
        return steps.isEmpty() ? this : new AttributePath(steps.subList(0, steps.size() - 1));
    }

    public PathStep lastStep() {
        if (steps.isEmpty()) {
            throw new IllegalStateException("the root path has no steps");
        }
        return steps.get(steps.size() - 1);
    }

    /** True when {@code other} equals this path or starts with it. */
    public boolean isPrefixOf(AttributePath other) {
        return other.steps.size() >= steps.size() && other.steps.subList(0, steps.size()).equals(steps);
    }

    /** This path cut before its first set-element step, which the plugin protocol cannot express. */
    public AttributePath truncateAtSetElement() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof PathStep.SetElement) {
                return new AttributePath(steps.subList(0, i));
            }
        }
        return this;
    }

    /** Terraform-like notation: {@code panels[0].title}, {@code labels["team"]}; the root is "(root)". */
    @Override
    public String toString() {
        if (steps.isEmpty()) {
            return "(root)";
        }
        StringBuilder out = new StringBuilder();
        for (PathStep step : steps) {
            out.append(step);
        }
        return out.charAt(0) == '.' ? out.substring(1) : out.toString();
    }
}
