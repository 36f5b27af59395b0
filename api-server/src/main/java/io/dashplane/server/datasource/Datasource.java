package io.dashplane.server.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A datasource as returned: secrets appear only as {@code secureJsonFields} flags. */
public record Datasource(
        String uid, String name, String type, String access, String url, boolean basicAuth,
        String basicAuthUser, String user, String database, boolean withCredentials,
        @JsonProperty("isDefault") boolean isDefault, boolean readOnly, ObjectNode jsonData,
        Map<String, Boolean> secureJsonFields, long version, String createdAt, String updatedAt) {
}
