package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dashboard as read: the {@code dashboard} JSON exactly as stored (numbers as BigDecimal), the
 * server's {@code meta} (uid, id, version, folderUid, url, title, tags, ...) and {@code targetUrls}
 * (the dashboard's URL in each sync target's Grafana; an empty object when there are none).
 */
public record Dashboard(JsonNode dashboard, ObjectNode meta, JsonNode targetUrls) {

    public String uid() {
        return meta.path("uid").asText(null);
    }

    public long version() {
        return meta.path("version").asLong();
    }

    /** The folder uid, or null for the root. */
    public String folderUid() {
        JsonNode folder = meta.get("folderUid");
        return folder == null || folder.isNull() ? null : folder.asText();
    }
}
