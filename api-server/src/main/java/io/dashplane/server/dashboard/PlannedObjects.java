package io.dashplane.server.dashboard;

import java.util.Set;

/**
 * Objects a dry run takes as existing although they are not stored yet, because the same plan creates them
 * before the write runs: datasources (by uid and by name) and folders (by uid).
 */
public record PlannedObjects(Set<String> datasourceUids, Set<String> datasourceNames, Set<String> folderUids) {
    public static final PlannedObjects NONE = new PlannedObjects(Set.of(), Set.of(), Set.of());

    public PlannedObjects {
        datasourceUids = datasourceUids == null ? Set.of() : Set.copyOf(datasourceUids);
        datasourceNames = datasourceNames == null ? Set.of() : Set.copyOf(datasourceNames);
        folderUids = folderUids == null ? Set.of() : Set.copyOf(folderUids);
    }
}
