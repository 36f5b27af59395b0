package io.dashplane.server.dashboard;

import java.util.List;

/**
 * Search criteria: {@code query} a case-insensitive title substring; every tag must match;
 * {@code folderUid} null = any folder, empty = the root.
 */
public record DashboardQuery(String query, List<String> tags, String folderUid) {
    public DashboardQuery {
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isEmpty()).distinct().toList();
    }
}
