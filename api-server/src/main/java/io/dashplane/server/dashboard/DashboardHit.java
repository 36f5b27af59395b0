package io.dashplane.server.dashboard;

import java.util.List;

/** A search hit; {@code targetUrls} (the dashboard in each sync target's Grafana) is set by the native API only. */
public record DashboardHit(String uid, long id, String title, List<String> tags, String folderUid, long version,
                           String url,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           java.util.Map<String, String> targetUrls) {
    public DashboardHit withTargetUrls(java.util.Map<String, String> urls) {
        return new DashboardHit(uid, id, title, tags, folderUid, version, url, urls);
    }
}
