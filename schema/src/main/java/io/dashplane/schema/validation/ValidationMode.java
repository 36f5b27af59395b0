package io.dashplane.schema.validation;

/**
 * How an environment treats references it cannot resolve (dashboards naming a datasource or a variable that does
 * not exist). {@code STRICT} rejects them; {@code WARN} stores the content and reports them as warnings, so
 * dashboards migrated from another Grafana can be brought in first and fixed later.
 */
public enum ValidationMode {
    STRICT, WARN;

    /** The spelling of the API and the Terraform attribute ({@code strict}, {@code warn}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Null when the text names no mode. */
    public static ValidationMode parse(String text) {
        for (ValidationMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return mode;
            }
        }
        return null;
    }
}
