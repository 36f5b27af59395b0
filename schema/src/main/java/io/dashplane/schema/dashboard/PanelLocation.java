package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/** A panel of a dashboard and the JSON pointer (relative to the dashboard) where it sits. */
public record PanelLocation(JsonNode panel, String pointer) {
}
