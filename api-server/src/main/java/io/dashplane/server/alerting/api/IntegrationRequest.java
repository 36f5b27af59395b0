package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.alerting.Integration;

/**
 * One integration of a contact point write. {@code secureFields}, which a GET answer lists, is accepted and
 * dropped: secrets left out of {@code settings} are kept by the service.
 */
@JsonIgnoreProperties({"secureFields"})
public record IntegrationRequest(String uid, String type, JsonNode settings, Boolean disableResolveMessage) {
    public Integration integration() {
        return new Integration(uid, type, settings, disableResolveMessage);
    }
}
