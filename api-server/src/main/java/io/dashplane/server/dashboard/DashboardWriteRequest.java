package io.dashplane.server.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.storage.ExpectedVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The write envelope: the Grafana dashboard JSON model (kept exactly as sent), its folder, a commit
 * message, the optional compare-and-set version and, for a dashboard exported for sharing, the values of
 * its {@code __inputs} (Grafana's import binding; the resolved dashboard is stored). Unknown envelope
 * fields (Grafana's {@code overwrite}, ...) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardWriteRequest(
        @NotNull(message = "dashboard is required: wrap the dashboard JSON model as {\"dashboard\": {...}}")
        JsonNode dashboard,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 characters of [A-Za-z0-9_-]") String folderUid,
        @Size(max = 2000) String message,
        Long version,
        List<@Valid DashboardInput> inputs) {

    /** The write this envelope asks for (Grafana's {@code inputs} bound), with the request's version precondition. */
    public DashboardWrite toWrite(ExpectedVersion expected) {
        return new DashboardWrite(DashboardInput.bind(dashboard, inputs), folderUid, message, expected);
    }
}
