package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.audit.Actor;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.changes.ChangeFeed;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.sync.GrafanaClient.GrafanaException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one reconciler per enabled target while this process holds the target's lease: a pass after every commit
 * that moved the environment's change feed past what the target has, at each resync interval, and on request;
 * a pass that cannot reach the target is retried with exponential backoff (1 s doubling up to 1 min). Passes run
 * on the reconciler's own thread, so writes to Dashplane never wait for a target.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final long MAX_BACKOFF_MS = 60_000;

    private final Database db;
    private final TargetService targets;
    private final SyncStore store;
    private final SyncRun runner;
    private final SyncMetrics metrics;
    private final ObjectMapper mapper;
    private final String holder = "dashplane-" + UUID.randomUUID();
    private final Map<String, Reconciler> reconcilers = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Objects of the last pass that exist in the target but are not Dashplane's, per target key. */
    private final Map<String, List<TargetStatus.ObjectStatus>> unmanaged = new ConcurrentHashMap<>();
    private volatile boolean started;

    public SyncService(Database db, TargetService targets, ContentSnapshotFactory content, ObjectMapper mapper,
                       io.prometheus.metrics.model.registry.PrometheusRegistry registry) {
        this.db = db;
        this.targets = targets;
        this.mapper = mapper;
        this.store = new SyncStore(new io.dashplane.server.storage.JsonText(mapper));
        this.runner = new SyncRun(db, store, content.create(), mapper);
        this.metrics = new SyncMetrics(registry);
    }

    /** Starts the reconcilers of the enabled targets and follows target changes and commits. */
    public SyncService start() {
        started = true;
        targets.onChange(this::refresh);
        db.onCommit(() -> reconcilers.values().forEach(Reconciler::poke));
        targets.all().forEach((env, list) -> list.forEach(t -> refresh(env, t.name())));
        return this;
    }

    public TargetStatus status(String env, String name) {
        SyncTarget t = targets.get(env, name);
        return db.read(tx -> {
            Optional<SyncStore.Run> run = store.run(tx, env, name);
            List<TargetStatus.ObjectStatus> objects = new ArrayList<>();
            store.managed(tx, env, name).forEach(m -> objects.add(new TargetStatus.ObjectStatus(m.kind(), m.uid(),
                    m.title(), m.state(), m.syncedVersion(), m.lastSyncAt(), m.error(), m.drift())));
            objects.addAll(unmanaged.getOrDefault(key(env, name), List.of()));
            String state = !t.enabled() ? TargetStatus.DISABLED
                    : run.map(SyncStore.Run::state).orElse(TargetStatus.PENDING);
            return new TargetStatus(name, state, run.map(SyncStore.Run::lastSyncAt).orElse(null),
                    run.map(SyncStore.Run::lastError).orElse(null),
                    run.map(SyncStore.Run::syncedSequence).orElse(0L), objects);
        });
    }

    /** A dry run: nothing is written to the target or to the remembered state. */
    public SyncPlan plan(String env, String name) {
        SyncTarget t = targets.get(env, name);
        try {
            return new SyncPlan(runner.run(env, t, client(env, t), true).changes());
        } catch (GrafanaException e) {
            throw DomainException.conflict("cannot plan: " + e.getMessage());
        }
    }

    /** Runs a pass now (in the caller's thread) and returns the status. */
    public TargetStatus syncNow(String env, String name) {
        SyncTarget t = targets.get(env, name);
        if (!t.enabled()) {
            throw DomainException.conflict("target '" + name + "' is disabled; enable it to sync");
        }
        try {
            if (!pass(env, name)) {
                throw DomainException.conflict("another Dashplane process holds the lease of target '" + name + "'");
            }
        } catch (Unreachable e) {
            // the status says so; the reconciler retries
        }
        return status(env, name);
    }

    /**
     * One pass under the target's lock and lease; false when another process holds the lease.
     * Throws nothing: failures become the status.
     */
    boolean pass(String env, String name) {
        // every write of a pass (remembered objects, status, audit) is the target's own
        return Actor.as(new Actor("sync:" + name), () -> passAsTarget(env, name));
    }

    private boolean passAsTarget(String env, String name) {
        synchronized (locks.computeIfAbsent(key(env, name), k -> new Object())) {
            Optional<SyncTarget> found = targets.find(env, name);
            if (found.isEmpty()) {
                return true;
            }
            SyncTarget t = found.get();
            Instant now = Instant.now();
            if (!db.write(tx -> store.lease(tx, env, name, holder, now, now.plus(LEASE)))) {
                return false;
            }
            String at = Timestamps.now();
            SyncStore.Run previous = db.read(tx -> store.run(tx, env, name)).orElse(null);
            try {
                SyncRun.Outcome o;
                try {
                    o = runner.run(env, t, client(env, t), false);
                } catch (GrafanaException e) {
                    throw new Unreachable(e);
                }
                unmanaged.put(key(env, name), o.unmanaged());
                metrics.ran(env, name, o);
                String error = o.errors() == 0 ? null : o.errors() + " object(s) could not be synced (see objects)";
                record(env, name, new SyncStore.Run(o.errors() == 0 ? TargetStatus.OK : TargetStatus.ERROR, at,
                        o.errors() == 0 ? at : previous == null ? null : previous.lastSuccessAt(), error, o.sequence()),
                        Map.of("written", o.written(), "deleted", o.deleted(), "drifted", o.drifted(),
                                "errors", o.errors()));
                return true;
            } catch (Unreachable e) {
                metrics.failed(env, name);
                record(env, name, new SyncStore.Run(TargetStatus.ERROR, at,
                        previous == null ? null : previous.lastSuccessAt(), e.getCause().getMessage(),
                        previous == null ? 0 : previous.syncedSequence()), Map.of("error", e.getCause().getMessage()));
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("sync of target {} in environment {} failed: {}", name, env, e.toString());
                metrics.failed(env, name);
                record(env, name, new SyncStore.Run(TargetStatus.ERROR, at,
                        previous == null ? null : previous.lastSuccessAt(), "internal error: " + e.getClass().getSimpleName(),
                        previous == null ? 0 : previous.syncedSequence()), Map.of("error", "internal"));
                return true;
            }
        }
    }

    private void record(String env, String name, SyncStore.Run run, Map<String, Object> counts) {
        db.write(tx -> {
            store.saveRun(tx, env, name, run);
            Map<String, Object> state = new TreeMap<>(counts);
            state.put("state", run.state());
            AuditRecorder.of(tx).recordEvent(env, SyncRun.AUDIT_KIND, name, "sync", state);
            return null;
        });
    }

    private GrafanaClient client(String env, SyncTarget t) {
        return new GrafanaClient(t, targets.token(env, t.name()), mapper);
    }

    private void refresh(String env, String name) {
        if (!started) {
            return;
        }
        Reconciler old = reconcilers.remove(key(env, name));
        if (old != null) {
            old.stop();
        }
        unmanaged.remove(key(env, name));
        targets.find(env, name).filter(SyncTarget::enabled).ifPresent(t -> {
            Reconciler r = new Reconciler(env, name, t.interval());
            reconcilers.put(key(env, name), r);
            r.start();
        });
    }

    @Override
    public void close() {
        started = false;
        reconcilers.values().forEach(Reconciler::stop);
        // a pass in progress writes to the database, which closes next: let it end (its HTTP calls time out)
        for (Reconciler r : reconcilers.values()) {
            r.awaitStop();
            try {
                db.write(tx -> {
                    store.release(tx, r.env, r.name, holder);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("cannot release the lease of target {}: {}", r.name, e.toString());
            }
        }
        reconcilers.clear();
    }

    private static String key(String env, String name) {
        return env + "/" + name;
    }

    /** The target could not be reached: the pass stops and is retried later. */
    private static final class Unreachable extends RuntimeException {
        Unreachable(GrafanaException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The thread and timers of one target. */
    private final class Reconciler {
        private final String env;
        private final String name;
        private final Duration interval;
        private final ScheduledExecutorService executor;
        private final AtomicBoolean queued = new AtomicBoolean();
        private volatile boolean due = true;
        private volatile boolean stopped;
        private long backoffMs;
        private ScheduledFuture<?> retry;

        Reconciler(String env, String name, Duration interval) {
            this.env = env;
            this.name = name;
            this.interval = interval;
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sync-" + env + "-" + name);
                thread.setDaemon(true);
                return thread;
            });
        }

        void start() {
            // held between passes too, so that another process never finds it free while this one runs
            long renew = LEASE.toMillis() / 3;
            executor.scheduleWithFixedDelay(this::renewLease, renew, renew, TimeUnit.MILLISECONDS);
            long ms = interval.toMillis();
            executor.scheduleWithFixedDelay(() -> {
                due = true;
                poke();
            }, ms, ms, TimeUnit.MILLISECONDS);
            poke();
        }

        void poke() {
            if (!stopped && queued.compareAndSet(false, true)) {
                try {
                    executor.execute(this::tick);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    queued.set(false);
                }
            }
        }

        void stop() {
            stopped = true;
            executor.shutdownNow();
        }

        private void renewLease() {
            try {
                Instant now = Instant.now();
                if (!db.write(tx -> store.renew(tx, env, name, holder, now.plus(LEASE)))) {
                    due = true; // held by another process: the next tick finds out and waits
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot renew the lease of target {} in environment {}: {}", name, env, e.toString());
            }
        }

        void awaitStop() {
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("the reconciler of target {} in environment {} did not stop in time", name, env);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void tick() {
            queued.set(false);
            if (stopped) {
                return;
            }
            try {
                if (!due && retry == null) {
                    long latest = db.read(tx -> ChangeFeed.latest(tx, env));
                    long synced = db.read(tx -> store.run(tx, env, name)).map(SyncStore.Run::syncedSequence).orElse(-1L);
                    if (latest == synced) {
                        return;
                    }
                }
                due = false;
                if (!pass(env, name)) {
                    schedule(LEASE.toMillis() / 2); // another process pushes; look again later
                    return;
                }
                backoffMs = 0;
                retry = null;
            } catch (Unreachable e) {
                backoffMs = backoffMs == 0 ? 1000 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                LOG.info("target {} of environment {} is unreachable; retrying in {} ms", name, env, backoffMs);
                schedule(backoffMs);
            } catch (RuntimeException e) {
                LOG.warn("reconciler of target {} in environment {} failed: {}", name, env, e.toString());
                backoffMs = backoffMs == 0 ? 1000 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                schedule(backoffMs);
            }
        }

        private void schedule(long ms) {
            if (stopped) {
                return;
            }
            due = true;
            try {
                retry = executor.schedule(this::poke, ms, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // stopped meanwhile
            }
        }
    }
}
