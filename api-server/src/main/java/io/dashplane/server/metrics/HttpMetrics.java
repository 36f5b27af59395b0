package io.dashplane.server.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/** Request counters and latency histograms, labelled by route template (never by raw path). */
public final class HttpMetrics {
    private final Counter requests;
    private final Histogram latency;

    public HttpMetrics(CollectorRegistry registry) {
        requests = Counter.build("dashplane_http_requests_total", "HTTP requests by route template and status")
                .labelNames("method", "route", "status").register(registry);
        latency = Histogram.build("dashplane_http_request_duration_seconds", "HTTP request latency by route template")
                .labelNames("method", "route")
                .buckets(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    public void record(String method, String route, int status, double seconds) {
        requests.labels(method, route, Integer.toString(status)).inc();
        latency.labels(method, route).observe(seconds);
    }
}
