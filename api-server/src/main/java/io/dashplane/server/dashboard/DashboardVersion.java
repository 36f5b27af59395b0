package io.dashplane.server.dashboard;

/** One entry of a dashboard's history. */
public record DashboardVersion(long version, String folderUid, String message, String json, String createdAt) {
}
