package io.dashplane.server.dashboard;

import java.util.List;

/** A dashboard row: metadata columns beside the JSON text exactly as written. */
public record StoredDashboard(String uid, long id, String title, String folderUid, List<String> tags, long version,
                              String message, String provenance, String json, String createdAt, String updatedAt) {
}
