package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A place in a dashboard that names a datasource.
 *
 * @param pointer JSON pointer (relative to the dashboard) of the {@code datasource} member
 * @param where   what holds the reference
 * @param uid     the uid (object form) or the text (legacy string form, a name or uid); null for the default datasource
 * @param type    the plugin type of the object form, or null
 * @param legacy  true for the pre-8.3 string form ({@code "datasource": "Prometheus"})
 */
public record DatasourceReference(String pointer, Holder where, String uid, String type, boolean legacy) {
    public enum Holder { PANEL, TARGET, VARIABLE, ANNOTATION }
}
