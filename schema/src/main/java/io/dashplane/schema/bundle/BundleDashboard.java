package io.dashplane.schema.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A dashboard in a bundle: its uid, its folder (null for the root) and Grafana's dashboard JSON model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleDashboard(String uid, String folderUid, JsonNode dashboard) {
}
