package io.dashplane.server.datasource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A datasource write, Grafana's fields. Unknown fields (Grafana's id, orgId, typeLogoUrl, ...) are
 * ignored so exports from Grafana can be posted unchanged. {@code version} is the compare-and-set version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasourceRequest(
        @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 characters of [A-Za-z0-9_-]") String uid,
        @NotBlank(message = "name is required") @Size(max = 190) String name,
        @NotBlank(message = "type is required") @Size(max = 190) String type,
        @Pattern(regexp = "proxy|direct", message = "must be proxy or direct") String access,
        @Size(max = 4096) String url,
        Boolean basicAuth,
        @Size(max = 190) String basicAuthUser,
        @Size(max = 190) String user,
        @Size(max = 190) String database,
        Boolean withCredentials,
        @JsonProperty("isDefault") Boolean isDefault,
        Boolean readOnly,
        ObjectNode jsonData,
        Map<String, String> secureJsonData,
        Long version) {
}
