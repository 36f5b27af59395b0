package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** One way a contact point notifies (Grafana calls it a receiver or integration): a type and its settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"uid", "type", "settings", "disableResolveMessage"})
public record Integration(String uid, String type, JsonNode settings, Boolean disableResolveMessage) {
    public Integration withSettings(JsonNode newSettings) {
        return new Integration(uid, type, newSettings, disableResolveMessage);
    }
}
