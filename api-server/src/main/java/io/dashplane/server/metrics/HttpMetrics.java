package io.dashplane.server.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Request counters and latency histograms, labelled by route template (never by raw path). */
public final class HttpMetrics {
    private final Counter requests;
    private final Histogram latency;

    public HttpMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("dashplane_http_requests_total")
                .help("HTTP requests by route template and status")
                .labelNames("method", "route", "status").register(registry);
        latency = Histogram.builder().name("dashplane_http_request_duration_seconds")
                .help("HTTP request latency by route template")
                .labelNames("method", "route")
                .classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    public void record(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, Integer.toString(status)).inc();
        latency.labelValues(method, route).observe(seconds);
    }
}
