package io.dashplane.server.validation;

import io.dashplane.server.dashboard.PlannedObjects;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.HashSet;
import java.util.List;

/** Datasources (by uid or name) and folders (by uid) that the same plan creates before the checked writes run. */
public record PlannedRequest(
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 characters of [A-Za-z0-9_-]") String> datasourceUids,
        List<@NotNull String> datasourceNames,
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 characters of [A-Za-z0-9_-]") String> folderUids) {

    static PlannedObjects toPlanned(PlannedRequest request) {
        if (request == null) {
            return PlannedObjects.NONE;
        }
        return new PlannedObjects(set(request.datasourceUids()), set(request.datasourceNames()), set(request.folderUids()));
    }

    private static HashSet<String> set(List<String> values) {
        return values == null ? new HashSet<>() : new HashSet<>(values);
    }
}
