package io.dashplane.schema.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A datasource in a bundle: Grafana's datasource fields without secrets. The keys of its
 * {@code secureJsonData} are listed as {@link SecretInput}s of the bundle instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleDatasource(String uid, String name, String type, String access, String url, String user,
                               String database, Boolean basicAuth, String basicAuthUser, Boolean withCredentials,
                               Boolean isDefault, Boolean readOnly, JsonNode jsonData) {
}
