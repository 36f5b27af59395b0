package io.dashplane.server.dashboard;

import java.util.Map;

/**
 * Where a dashboard appears in the Grafana instances its environment is synced to (implemented by the sync
 * package, which this package must not import).
 */
public interface TargetLinks {
    /** No targets: every dashboard gets an empty {@code targetUrls}. */
    TargetLinks NONE = env -> (folderUid, path) -> Map.of();

    /** Reads the environment's targets once, for the dashboards of one response. */
    Resolver forEnvironment(String env);

    /** Target name to the dashboard's URL there. */
    interface Resolver {
        Map<String, String> urls(String folderUid, String dashboardPath);
    }
}
