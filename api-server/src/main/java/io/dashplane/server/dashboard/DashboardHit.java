package io.dashplane.server.dashboard;

import java.util.List;

public record DashboardHit(String uid, long id, String title, List<String> tags, String folderUid, long version,
                           String url) {
}
