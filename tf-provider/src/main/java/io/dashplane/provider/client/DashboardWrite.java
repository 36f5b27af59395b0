package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The envelope of a dashboard write.
 *
 * @param dashboard the dashboard JSON model, sent unchanged
 * @param folderUid folder, or null for the root
 * @param message   version message, or null
 * @param version   compare-and-set version, or null to overwrite whatever is stored
 * @param inputs    values of the {@code __inputs} of a dashboard exported for sharing (name to value; the
 *                  server stores the resolved dashboard), or null to store the dashboard as it is
 */
public record DashboardWrite(JsonNode dashboard, String folderUid, String message, Long version,
                             Map<String, String> inputs) {
    public DashboardWrite {
        Objects.requireNonNull(dashboard, "dashboard");
        inputs = inputs == null ? null : Map.copyOf(inputs);
    }

    public DashboardWrite(JsonNode dashboard, String folderUid, String message, Long version) {
        this(dashboard, folderUid, message, version, null);
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
        if (inputs != null) {
            ArrayNode bindings = body.putArray("inputs");
            new TreeMap<>(inputs).forEach((name, value) -> bindings.addObject().put("name", name).put("value", value));
        }
        return body;
    }
}
