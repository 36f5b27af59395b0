package io.dashplane.server.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.Supplier;

/** dashplane_objects{kind}: counted from the database at scrape time. */
public final class ObjectCountCollector {
    private ObjectCountCollector() {
    }

    public static void register(PrometheusRegistry registry, Supplier<Map<String, Long>> counts) {
        GaugeWithCallback.builder().name("dashplane_objects").help("Stored objects by kind").labelNames("kind")
                .callback(callback -> counts.get().forEach((kind, n) -> callback.call(n, kind)))
                .register(registry);
    }
}
