package io.dashplane.schema.promotion;

/**
 * One place that names a datasource.
 *
 * @param objectKind {@code dashboard} or {@code alertRule}
 * @param objectUid  uid of the dashboard or rule
 * @param pointer    JSON pointer (relative to the object) of the uid position
 * @param reference  the text found there: a uid, or a name for legacy and by-name references
 */
public record ReferenceSite(String objectKind, String objectUid, String pointer, String reference) {
    public static final String DASHBOARD = "dashboard";
    public static final String ALERT_RULE = "alertRule";

    public String describe() {
        return objectKind + " " + objectUid + " at " + pointer;
    }
}
