package io.dashplane.server.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of one server: JVM and process metrics (memory, GC, threads, class loading, CPU, open file
 * descriptors, resident memory; Prometheus' standard names {@code jvm_*}, {@code process_*}) and the object counts.
 * The HTTP and provisioning metrics register themselves on it.
 */
public final class ProcessMetricsRegistry {
    private ProcessMetricsRegistry() {
    }

    public static PrometheusRegistry create(Supplier<Map<String, Long>> objectCounts) {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        ObjectCountCollector.register(registry, objectCounts);
        return registry;
    }
}
