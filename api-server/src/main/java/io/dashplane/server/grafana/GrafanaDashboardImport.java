package io.dashplane.server.grafana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.dashboard.DashboardInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of Grafana's {@code POST /api/dashboards/import}: a dashboard exported "for sharing externally" and the
 * values of its {@code __inputs} (for a datasource input, the uid of a datasource of the environment).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaDashboardImport(
        @NotNull(message = "dashboard is required: wrap the dashboard JSON model as {\"dashboard\": {...}}")
        JsonNode dashboard,
        Boolean overwrite,
        List<@Valid DashboardInput> inputs,
        @Size(max = 40) String folderUid,
        Long folderId) {
}
