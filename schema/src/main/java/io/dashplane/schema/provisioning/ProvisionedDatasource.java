package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One entry of {@code datasources:} in a Grafana datasource provisioning file, with Grafana's field names.
 * {@code password} and {@code basicAuthPassword} are the pre-secureJsonData spellings; they are accepted with a
 * warning and belong in {@code secureJsonData} (see {@link #effectiveSecureJsonData()}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "type", "uid", "orgId", "access", "url", "user", "database", "basicAuth", "basicAuthUser",
        "withCredentials", "isDefault", "jsonData", "secureJsonData", "version", "editable", "password", "basicAuthPassword"})
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
        Boolean editable,
        String password,
        String basicAuthPassword) {

    /** {@code secureJsonData} with the deprecated top-level secrets folded in (secureJsonData wins). */
    public Map<String, String> effectiveSecureJsonData() {
        Map<String, String> merged = new java.util.TreeMap<>();
        if (password != null) {
            merged.put("password", password);
        }
        if (basicAuthPassword != null) {
            merged.put("basicAuthPassword", basicAuthPassword);
        }
        if (secureJsonData != null) {
            merged.putAll(secureJsonData);
        }
        return merged;
    }
}
