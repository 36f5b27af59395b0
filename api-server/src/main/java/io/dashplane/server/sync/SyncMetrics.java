package io.dashplane.server.sync;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Per-target counters and gauges in the server's metrics registry. */
final class SyncMetrics {
    private final Counter runs;
    private final Counter failures;
    private final Counter written;
    private final Gauge lastSuccess;
    private final Gauge drifted;

    SyncMetrics(PrometheusRegistry registry) {
        runs = Counter.builder().name("dashplane_sync_runs_total").help("Sync runs per target")
                .labelNames("env", "target").register(registry);
        failures = Counter.builder().name("dashplane_sync_errors_total")
                .help("Sync runs that failed or had object errors").labelNames("env", "target").register(registry);
        written = Counter.builder().name("dashplane_sync_objects_written_total")
                .help("Objects created, updated or deleted in targets").labelNames("env", "target").register(registry);
        lastSuccess = Gauge.builder().name("dashplane_sync_last_success_timestamp_seconds")
                .help("Unix time of the last sync run without errors").labelNames("env", "target").register(registry);
        drifted = Gauge.builder().name("dashplane_sync_drifted_objects")
                .help("Managed objects found changed in the target").labelNames("env", "target").register(registry);
    }

    void ran(String env, String target, SyncRun.Outcome o) {
        runs.labelValues(env, target).inc();
        written.labelValues(env, target).inc(o.written() + o.deleted());
        drifted.labelValues(env, target).set(o.drifted());
        if (o.errors() > 0) {
            failures.labelValues(env, target).inc();
        } else {
            lastSuccess.labelValues(env, target).set(System.currentTimeMillis() / 1000.0);
        }
    }

    void failed(String env, String target) {
        runs.labelValues(env, target).inc();
        failures.labelValues(env, target).inc();
    }
}
