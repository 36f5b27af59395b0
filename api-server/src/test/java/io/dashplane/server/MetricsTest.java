package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * /metrics scraped as Prometheus does (protobuf exposition format, parsed into Prometheus' MetricFamily messages)
 * and as text: JVM and process metrics, request counts and duration histograms labelled by route template.
 */
class MetricsTest extends ServerTestSupport {
    private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    @Test
    void requestDurationsAreHistogramsByRouteTemplateNeverByRawPath() throws Exception {
        assertEquals(404, api.get(ENV + "/dashboards/first-missing").status());
        assertEquals(404, api.get(ENV + "/dashboards/second-missing").status());

        Map<String, MetricFamily> families = scrape();
        MetricFamily durations = families.get("dashplane_http_request_duration_seconds");
        assertEquals(MetricType.HISTOGRAM, durations.getType());
        Metric dashboardGets = durations.getMetricList().stream()
                .filter(m -> labels(m).equals(Map.of("method", "GET", "route", "/api/v1/environments/{env}/dashboards/{uid}")))
                .findFirst().orElseThrow(() -> new AssertionError(durations.toString()));
        assertEquals(2, dashboardGets.getHistogram().getSampleCount());
        assertEquals(14, dashboardGets.getHistogram().getBucketCount(), "the classic buckets 1 ms .. 10 s and +Inf");
        for (MetricFamily family : families.values()) {
            for (Metric m : family.getMetricList()) {
                assertFalse(labels(m).values().stream().anyMatch(v -> v.contains("missing")), "raw path in " + family);
            }
        }
        MetricFamily requests = families.get("dashplane_http_requests_total");
        assertEquals(MetricType.COUNTER, requests.getType());
        assertTrue(requests.getMetricList().stream().anyMatch(m -> labels(m).equals(Map.of("method", "GET",
                "route", "/api/v1/environments/{env}/dashboards/{uid}", "status", "404")) && m.getCounter().getValue() == 2),
                requests.toString());
    }

    @Test
    void jvmProcessAndObjectMetricsAreExposed() throws Exception {
        Map<String, MetricFamily> families = scrape();
        for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_current", "jvm_gc_collection_seconds",
                "jvm_classes_currently_loaded", "process_cpu_seconds_total", "process_start_time_seconds",
                "process_open_fds", "process_resident_memory_bytes"}) {
            assertTrue(families.containsKey(name), name + " in " + families.keySet());
        }
        assertTrue(families.get("jvm_memory_used_bytes").getMetricList().stream()
                .anyMatch(m -> labels(m).equals(Map.of("area", "heap")) && m.getGauge().getValue() > 0));
        MetricFamily objects = families.get("dashplane_objects");
        assertTrue(objects.getMetricList().stream().anyMatch(m -> labels(m).equals(Map.of("kind", "environment"))
                && m.getGauge().getValue() == 1), objects.toString());

        String text = api.get("/metrics").body();
        assertTrue(text.contains("# TYPE dashplane_http_requests_total counter"), text);
        assertTrue(text.contains("process_cpu_seconds_total "), text);
        assertTrue(text.contains("dashplane_objects{kind=\"environment\"} 1.0"), text);
    }

    /** One scrape in Prometheus' protobuf format, each family parsed from its length-delimited message. */
    private Map<String, MetricFamily> scrape() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/metrics"))
                .header("Accept", PROTOBUF)
                .header("Authorization", "Bearer " + io.dashplane.server.config.ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google.protobuf"),
                response.headers().toString());
        Map<String, MetricFamily> families = new LinkedHashMap<>();
        try (InputStream in = new ByteArrayInputStream(response.body())) {
            MetricFamily family;
            while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
                families.put(family.getName(), family);
            }
        }
        return families;
    }

    private static Map<String, String> labels(Metric metric) {
        return metric.getLabelList().stream().collect(Collectors.toMap(LabelPair::getName, LabelPair::getValue));
    }
}
