package io.dashplane.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.storage.ExpectedVersion;

/** A dashboard write as the service takes it (also the in-process API used by benchmarks). */
public record DashboardWrite(JsonNode dashboard, String folderUid, String message, ExpectedVersion expected) {
    public static DashboardWrite of(JsonNode dashboard) {
        return new DashboardWrite(dashboard, null, null, ExpectedVersion.NONE);
    }
}
