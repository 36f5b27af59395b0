package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The envelope of a dashboard write.
 *
 * @param dashboard the dashboard JSON model, sent unchanged
 * @param folderUid folder, or null for the root
 * @param message   version message, or null
 * @param version   compare-and-set version, or null to overwrite whatever is stored
 */
public record DashboardWrite(JsonNode dashboard, String folderUid, String message, Long version) {
    public DashboardWrite {
        Objects.requireNonNull(dashboard, "dashboard");
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.set("dashboard", dashboard);
        if (folderUid == null) {
            body.putNull("folderUid");
        } else {
            body.put("folderUid", folderUid);
        }
        if (message != null) {
            body.put("message", message);
        }
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }
}
