package io.dashplane.server.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.storage.ExpectedVersion;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The write envelope: the Grafana dashboard JSON model (kept exactly as sent), its folder, a commit
 * message and the optional compare-and-set version. Unknown envelope fields (Grafana's
 * {@code overwrite}, {@code inputs}, ...) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardWriteRequest(
        @NotNull(message = "dashboard is required: wrap the dashboard JSON model as {\"dashboard\": {...}}")
        JsonNode dashboard,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 characters of [A-Za-z0-9_-]") String folderUid,
        @Size(max = 2000) String message,
        Long version) {

    /** The write this envelope asks for, with the version precondition of the request. */
    public DashboardWrite toWrite(ExpectedVersion expected) {
        return new DashboardWrite(dashboard, folderUid, message, expected);
    }
}
