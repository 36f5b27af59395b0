package io.dashplane.server.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dashplane.schema.validation.Finding;
import java.util.List;

/** The answer to a dashboard write. {@code created} and {@code dryRun} shape the HTTP status only. */
public record DashboardWriteResult(String uid, long version, long id, String folderUid, String url,
                                   List<Finding> warnings, @JsonIgnore boolean created, @JsonIgnore boolean dryRun,
                                   @com.fasterxml.jackson.annotation.JsonInclude(
                                           com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                   java.util.Map<String, String> targetUrls) {
    /** With the dashboard's URL in each sync target's Grafana (native API answers). */
    public DashboardWriteResult withTargetUrls(java.util.Map<String, String> urls) {
        return new DashboardWriteResult(uid, version, id, folderUid, url, warnings, created, dryRun, urls);
    }
}
