package io.dashplane.server.provisioning;

import io.dashplane.schema.provisioning.ProvisioningPlan;
import io.dashplane.schema.validation.Finding;
import io.dashplane.server.errors.DomainException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rescans every dashboard provider of the last successful provisioning load every {@code updateIntervalSeconds}
 * (Grafana's default, 10, when unset or 0), on one background thread. Only dashboard providers are rescanned, as in
 * Grafana; datasource and alerting files change on reload or restart. A failed rescan writes nothing: it is logged,
 * counted in {@code dashplane_provisioning_rescans_total{result="error"}}, flagged in
 * {@code dashplane_provisioning_rescan_failing} and shown by {@link #status()}; the next interval tries again.
 */
public final class ProvisioningRescanner implements AutoCloseable {
    public static final int DEFAULT_INTERVAL_SECONDS = 10;
    private final java.util.function.BooleanSupplier leader;
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRescanner.class);

    private final ProvisioningService service;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Counter rescans;
    private final Gauge failing;
    private final Counter filesRead;
    /** per provider key: when it is due next */
    private final Map<String, Instant> due = new HashMap<>();
    private final Map<String, ProviderStatus> statuses = new ConcurrentHashMap<>();
    private ProvisioningService.Loaded seen;

    /**
     * The state of one provider's rescans since the last load: how many ran, how many of those failed, when the last
     * ran and succeeded, the error of the last one (null when it succeeded); how many dashboard files the last
     * successful rescan read (files unchanged on disk are not read), whether it changed anything (null before the
     * first), and how many rescans opened a write transaction (only those where some file's content changed).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record ProviderStatus(String environment, String provider, String path, int intervalSeconds, long rescans,
                                 long failures, String lastRescanAt, String lastSuccessAt, String lastError,
                                 int filesRead, Boolean lastRescanChanged, long writeTransactions) {
    }

    public ProvisioningRescanner(ProvisioningService service, PrometheusRegistry registry, Clock clock) {
        this(service, registry, clock, () -> true);
    }

    /** {@code leader}: whether this replica is the one that rescans (asked at every tick). */
    public ProvisioningRescanner(ProvisioningService service, PrometheusRegistry registry, Clock clock,
                                 java.util.function.BooleanSupplier leader) {
        this.leader = leader;
        this.service = service;
        this.clock = clock;
        this.rescans = Counter.builder().name("dashplane_provisioning_rescans_total")
                .help("Periodic rescans of dashboard provider paths by result (ok, error)").labelNames("result")
                .register(registry);
        this.failing = Gauge.builder().name("dashplane_provisioning_rescan_failing")
                .help("1 while the last rescan of a dashboard provider failed").labelNames("environment", "provider")
                .register(registry);
        this.filesRead = Counter.builder().name("dashplane_provisioning_rescan_files_read_total")
                .help("Dashboard files read by periodic rescans (files unchanged on disk are not read)").register(registry);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashplane-provisioning-rescan");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks once a second which providers are due. */
    public ProvisioningRescanner start() {
        executor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public static int intervalSeconds(ProvisioningPlan.Provider provider) {
        Integer seconds = provider.provider().updateIntervalSeconds();
        return seconds == null || seconds <= 0 ? DEFAULT_INTERVAL_SECONDS : seconds;
    }

    /** Per provider of the last load: interval, last rescan, last error. */
    public List<ProviderStatus> status() {
        ProvisioningService.Loaded current = service.loaded();
        List<ProviderStatus> out = new ArrayList<>();
        if (current == null) {
            return out;
        }
        for (ProvisioningPlan.Provider p : current.providers()) {
            ProviderStatus status = statuses.get(key(p));
            out.add(status != null ? status : new ProviderStatus(p.environment(), p.provider().name(),
                    p.provider().options().path(), intervalSeconds(p), 0, 0, null, null, null, 0, null, 0));
        }
        return out;
    }

    void tick() {
        try {
            ProvisioningService.Loaded current = service.loaded();
            if (current == null) {
                return;
            }
            if (!leader.getAsBoolean()) {
                // another replica of the shared database rescans; this one takes over when that one dies
                seen = null;
                return;
            }
            Instant now = clock.instant();
            if (current != seen) {
                // a (re)load replaced the providers: each is due one interval after it
                seen = current;
                due.clear();
                statuses.clear();
                failing.clear();
                current.providers().forEach(p -> due.put(key(p), now.plusSeconds(intervalSeconds(p))));
            }
            for (ProvisioningPlan.Provider p : current.providers()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!now.isBefore(due.getOrDefault(key(p), now))) {
                    rescan(p);
                    due.put(key(p), clock.instant().plusSeconds(intervalSeconds(p)));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("provisioning rescan scheduler failed; it runs again in a second", e);
        }
    }

    private void rescan(ProvisioningPlan.Provider p) {
        String started = io.dashplane.server.storage.Timestamps.format(clock.instant());
        ProviderStatus before = statuses.get(key(p));
        String path = p.provider().options().path();
        try {
            var rescan = service.rescanProvider(p);
            if (rescan.isEmpty()) {
                return;
            }
            var result = rescan.map(ProvisioningService.Rescan::result);
            filesRead.inc(rescan.get().filesRead());
            long writes = (before == null ? 0 : before.writeTransactions()) + (rescan.get().wrote() ? 1 : 0);
            rescans.labelValues("ok").inc();
            if (before != null && before.lastError() != null) {
                LOG.info("provisioning rescan of provider '{}' in environment '{}' succeeds again", p.provider().name(),
                        p.environment());
            }
            failing.labelValues(p.environment(), p.provider().name()).set(0);
            Map<String, Map<String, Integer>> counts = result.get().counts();
            boolean changed = counts.values().stream().anyMatch(c -> c.keySet().stream().anyMatch(k -> !k.equals("unchanged")));
            statuses.put(key(p), new ProviderStatus(p.environment(), p.provider().name(), path, intervalSeconds(p),
                    before == null ? 1 : before.rescans() + 1, before == null ? 0 : before.failures(), started, started,
                    null, rescan.get().filesRead(), changed, writes));
            if (changed) {
                LOG.info("provisioning rescan of provider '{}' in environment '{}': {}", p.provider().name(),
                        p.environment(), counts);
            }
            result.get().warnings().forEach(w -> LOG.warn("provisioning rescan: {}", w));
        } catch (RuntimeException e) {
            String message = describe(e);
            rescans.labelValues("error").inc();
            failing.labelValues(p.environment(), p.provider().name()).set(1);
            statuses.put(key(p), new ProviderStatus(p.environment(), p.provider().name(), path, intervalSeconds(p),
                    before == null ? 1 : before.rescans() + 1, before == null ? 1 : before.failures() + 1, started,
                    before == null ? null : before.lastSuccessAt(), message, before == null ? 0 : before.filesRead(),
                    before == null ? null : before.lastRescanChanged(), before == null ? 0 : before.writeTransactions()));
            // the same failure every interval is logged once (at WARN), until it changes or is fixed
            if (before != null && message.equals(before.lastError())) {
                LOG.debug("provisioning rescan of provider '{}' in environment '{}' still fails: {}",
                        p.provider().name(), p.environment(), message);
            } else {
                LOG.warn("provisioning rescan of provider '{}' in environment '{}' failed, nothing changed: {}",
                        p.provider().name(), p.environment(), message);
            }
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof DomainException d && !d.errors().isEmpty()) {
            return String.join("; ", d.errors().stream().map(f -> f.pointer() == null || f.pointer().isEmpty()
                    ? f.message() : f.pointer() + ": " + f.message()).toList());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String key(ProvisioningPlan.Provider p) {
        return p.environment() + "\u0000" + p.provider().name();
    }

    /** Stops the schedule, waiting briefly for a rescan in progress to finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
