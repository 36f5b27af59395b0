package io.dashplane.server.sync;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;

/** Per-target counters and gauges in the server's metrics registry. */
final class SyncMetrics {
    private final Counter runs;
    private final Counter failures;
    private final Counter written;
    private final Gauge lastSuccess;
    private final Gauge drifted;

    SyncMetrics(CollectorRegistry registry) {
        runs = Counter.build("dashplane_sync_runs_total", "Sync runs per target").labelNames("env", "target")
                .register(registry);
        failures = Counter.build("dashplane_sync_errors_total", "Sync runs that failed or had object errors")
                .labelNames("env", "target").register(registry);
        written = Counter.build("dashplane_sync_objects_written_total", "Objects created, updated or deleted in targets")
                .labelNames("env", "target").register(registry);
        lastSuccess = Gauge.build("dashplane_sync_last_success_timestamp_seconds",
                "Unix time of the last sync run without errors").labelNames("env", "target").register(registry);
        drifted = Gauge.build("dashplane_sync_drifted_objects", "Managed objects found changed in the target")
                .labelNames("env", "target").register(registry);
    }

    void ran(String env, String target, SyncRun.Outcome o) {
        runs.labels(env, target).inc();
        written.labels(env, target).inc(o.written() + o.deleted());
        drifted.labels(env, target).set(o.drifted());
        if (o.errors() > 0) {
            failures.labels(env, target).inc();
        } else {
            lastSuccess.labels(env, target).setToCurrentTime();
        }
    }

    void failed(String env, String target) {
        runs.labels(env, target).inc();
        failures.labels(env, target).inc();
    }
}
