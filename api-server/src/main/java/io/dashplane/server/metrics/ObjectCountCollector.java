package io.dashplane.server.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** dashplane_objects{kind}: counted from the database at scrape time. */
public final class ObjectCountCollector extends Collector {
    private final Supplier<Map<String, Long>> counts;

    public ObjectCountCollector(Supplier<Map<String, Long>> counts) {
        this.counts = counts;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily family = new GaugeMetricFamily("dashplane_objects", "Stored objects by kind",
                List.of("kind"));
        counts.get().forEach((kind, n) -> family.addMetric(List.of(kind), n));
        return List.of(family);
    }
}
