package io.dashplane.provider.cty;

final class ValueChecks {
    private ValueChecks() {
    }

    /** Whether {@code value} may stand where {@code expected} is required (a null or unknown of
     * the dynamic pseudo-type converts to any type). */
    static boolean conforms(CtyType expected, CtyValue value) {
        return expected.accepts(value.type()) || (value.type().isDynamic() && !value.isPresent());
    }

    static void requireConforms(CtyType expected, CtyValue value, String where) {
        if (value == null) {
            throw new NullPointerException(where + " is a Java null; use CtyValue.nullOf(type)");
        }
        if (!conforms(expected, value)) {
            throw new IllegalArgumentException(where + " has type " + value.type().toJson()
                    + " but " + expected.toJson() + " is required");
        }
    }
}
