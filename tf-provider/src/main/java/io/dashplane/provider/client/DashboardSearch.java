package io.dashplane.provider.client;

import java.util.List;

/**
 * Dashboard search filters; null fields do not filter.
 *
 * @param query     case-insensitive title substring
 * @param tags      every tag must match
 * @param folderUid only dashboards of this folder
 */
public record DashboardSearch(String query, List<String> tags, String folderUid, Integer page, Integer perPage) {
    public DashboardSearch {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static DashboardSearch all() {
        return new DashboardSearch(null, null, null, null, null);
    }

    public DashboardSearch withPage(int page, int perPage) {
        return new DashboardSearch(query, tags, folderUid, page, perPage);
    }
}
