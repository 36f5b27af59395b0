package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One label matcher of a route. In JSON it is Grafana's object-matcher triple {@code ["team", "=~", "ml.*"]};
 * {@link LabelMatchers#parse} reads the Prometheus string form {@code team=~"ml.*"}.
 * The operator is not checked on construction so that a bad one becomes a validation finding.
 */
public record LabelMatcher(String name, String type, String value) {
    public static final String EQUAL = "=";
    public static final String NOT_EQUAL = "!=";
    public static final String REGEX = "=~";
    public static final String NOT_REGEX = "!~";
    public static final Set<String> TYPES = Set.of(EQUAL, NOT_EQUAL, REGEX, NOT_REGEX);

    @JsonCreator
    public static LabelMatcher fromTriple(List<String> triple) {
        if (triple == null || triple.size() != 3) {
            throw new IllegalArgumentException("an object matcher is a list of three strings: [name, operator, value]");
        }
        return new LabelMatcher(triple.get(0), triple.get(1), triple.get(2));
    }

    @JsonValue
    public List<String> toTriple() {
        List<String> triple = new ArrayList<>(3);
        triple.add(name);
        triple.add(type);
        triple.add(value);
        return triple;
    }

    @JsonIgnore
    public boolean isRegex() {
        return REGEX.equals(type) || NOT_REGEX.equals(type);
    }

    /** The Prometheus string form, e.g. {@code team=~"ml.*"}. */
    public String format() {
        String label = LabelNames.isValidMetricName(name) ? name : LabelMatchers.quote(name);
        return label + type + LabelMatchers.quote(value);
    }
}
