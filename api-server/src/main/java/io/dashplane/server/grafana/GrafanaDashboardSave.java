package io.dashplane.server.grafana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of Grafana's {@code POST /api/dashboards/db}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaDashboardSave(
        @NotNull(message = "dashboard is required: wrap the dashboard JSON model as {\"dashboard\": {...}}")
        JsonNode dashboard,
        @Size(max = 40) String folderUid,
        Long folderId,
        Boolean overwrite,
        @Size(max = 2000) String message) {
}
