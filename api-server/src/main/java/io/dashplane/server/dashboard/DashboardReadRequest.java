package io.dashplane.server.dashboard;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST .../dashboards/_read}: the uids to read in one request (the Terraform provider's refresh
 * of many dashboards). At most {@value #MAX_UIDS}, so that one answer stays a few MB for corpus-sized dashboards.
 */
public record DashboardReadRequest(
        @NotNull(message = "uids is required") @Size(max = DashboardReadRequest.MAX_UIDS)
        List<@NotNull(message = "a uid is a string") String> uids) {
    public static final int MAX_UIDS = 500;
}
