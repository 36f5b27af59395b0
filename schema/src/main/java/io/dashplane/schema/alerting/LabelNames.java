package io.dashplane.schema.alerting;

import java.util.regex.Pattern;

/** Prometheus label and metric name rules. */
public final class LabelNames {
    public static final String LABEL_PATTERN_TEXT = "^[a-zA-Z_][a-zA-Z0-9_]*$";
    public static final String METRIC_PATTERN_TEXT = "^[a-zA-Z_:][a-zA-Z0-9_:]*$";
    private static final Pattern LABEL = Pattern.compile(LABEL_PATTERN_TEXT);
    private static final Pattern METRIC = Pattern.compile(METRIC_PATTERN_TEXT);

    private LabelNames() {
    }

    public static boolean isValidLabelName(String name) {
        return name != null && LABEL.matcher(name).matches();
    }

    public static boolean isValidMetricName(String name) {
        return name != null && METRIC.matcher(name).matches();
    }

    /** Explains why {@code name} is not a valid label name, or returns null. */
    public static String labelNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "label name must not be empty";
        }
        if (!isValidLabelName(name)) {
            return "label name '" + name + "' must match [a-zA-Z_][a-zA-Z0-9_]*";
        }
        return null;
    }
}
