package io.dashplane.server.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dashplane.schema.validation.Finding;
import java.util.List;

/** The answer to a dashboard write. {@code created} and {@code dryRun} shape the HTTP status only. */
public record DashboardWriteResult(String uid, long version, long id, String folderUid, String url,
                                   List<Finding> warnings, @JsonIgnore boolean created, @JsonIgnore boolean dryRun) {
}
