package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** One entry of {@code datasources:} in a Grafana datasource provisioning file, with Grafana's field names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "type", "uid", "orgId", "access", "url", "user", "database", "basicAuth", "basicAuthUser",
        "withCredentials", "isDefault", "jsonData", "secureJsonData", "version", "editable"})
public record ProvisionedDatasource(
        String name,
        String type,
        String uid,
        Long orgId,
        String access,
        String url,
        String user,
        String database,
        Boolean basicAuth,
        String basicAuthUser,
        Boolean withCredentials,
        Boolean isDefault,
        JsonNode jsonData,
        Map<String, String> secureJsonData,
        Integer version,
        Boolean editable) {
}
