package io.dashplane.server.sync;

import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.JsonText;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.storage.Versions;
import io.dashplane.server.storage.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;

/** Target rules: names, URLs, durations, a sealed write-only token, versions. Listeners hear of committed changes. */
public final class TargetService {
    public static final String DEFAULT_INTERVAL = "5m";

    private final Database db;
    private final TargetRepository repository;
    private final EnvironmentService environments;
    private final SecretBox secrets;
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
    /** Target writes since start; with the environment deletions (which cascade) the key of {@link #cached}. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Cached> cached = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(long changes, List<SyncTarget> targets) {
    }

    /** Bounds {@link #cached}: requests naming environments that do not exist must not grow it. */
    private static final int MAX_KEPT_ENVIRONMENTS = 1_000;

    public TargetService(Database db, EnvironmentService environments, SecretBox secrets, JsonText json) {
        this.db = db;
        this.repository = new TargetRepository(json);
        this.environments = environments;
        this.secrets = secrets;
    }

    /** {@code listener(env, name)} runs after each committed create, replace or delete of a target. */
    public void onChange(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    public List<SyncTarget> list(String env) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.list(tx, env);
        });
    }

    /** The environment's targets, inside the caller's transaction (no existence check). */
    public List<SyncTarget> listInTransaction(DSLContext tx, String env) {
        return repository.list(tx, env);
    }

    /**
     * The environment's targets (none when it does not exist), kept between calls while no target was written and
     * no environment deleted through this server: dashboard writes and reads ask for them on every request. On
     * PostgreSQL other replicas write too, so there they are read every time.
     */
    public List<SyncTarget> listKept(String env) {
        if (db.isPostgres()) {
            return db.read(tx -> repository.list(tx, env));
        }
        long now = changes.get() + environments.deletions(); // before the read: a later write makes the entry stale
        Cached known = cached.get(env);
        if (known != null && known.changes() == now) {
            return known.targets();
        }
        List<SyncTarget> read = db.read(tx -> repository.list(tx, env));
        if (known != null || cached.size() < MAX_KEPT_ENVIRONMENTS) {
            cached.put(env, new Cached(now, read));
        }
        return read;
    }

    /** Every target of every environment. */
    public Map<String, List<SyncTarget>> all() {
        return db.read(repository::all);
    }

    public SyncTarget get(String env, String name) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, name).orElseThrow(() -> notFound(name));
        });
    }

    public Optional<SyncTarget> find(String env, String name) {
        return db.read(tx -> repository.find(tx, env, name));
    }

    public SyncTarget create(String env, SyncTargetRequest request) {
        TargetRules.check(request, null);
        SyncTarget t = db.write(tx -> {
            environments.requireExists(tx, env);
            if (repository.find(tx, env, request.name()).isPresent()) {
                throw DomainException.conflict("target '" + request.name() + "' already exists");
            }
            return insert(tx, AuditRecorder.of(tx), env, request.name(), request);
        });
        changed(env, t.name());
        return t;
    }

    /** PUT: replaces (the token is kept when the request omits it) or creates. */
    public WriteResult<SyncTarget> put(String env, String name, SyncTargetRequest request, ExpectedVersion expected) {
        if (!TargetRules.NAME.matcher(name).matches()) {
            throw DomainException.invalid("/name", "must be 1-63 characters of [a-z0-9-] starting with a letter or digit");
        }
        TargetRules.check(request, name);
        WriteResult<SyncTarget> result = db.write(tx -> {
            environments.requireExists(tx, env);
            Optional<SyncTarget> current = repository.find(tx, env, name);
            Versions.check(expected, current.map(SyncTarget::version).orElse(null), "target '" + name + "'");
            AuditRecorder audit = AuditRecorder.of(tx);
            if (current.isEmpty()) {
                return new WriteResult<>(insert(tx, audit, env, name, request), true);
            }
            SyncTarget c = current.get();
            String sealed = request.token() == null ? repository.sealedToken(tx, env, name).orElse(null)
                    : seal(env, name, request.token());
            SyncTarget t = build(name, request, sealed != null, c.version() + 1, c.createdAt(), Timestamps.now());
            repository.update(tx, env, t, sealed);
            repository.row(tx, env, name).ifPresent(audit::updated);
            return new WriteResult<>(t, false);
        });
        changed(env, name);
        return result;
    }

    public void delete(String env, String name, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            SyncTarget current = repository.find(tx, env, name).orElseThrow(() -> notFound(name));
            Versions.check(expected, current.version(), "target '" + name + "'");
            AuditRecorder.of(tx).deleted(repository.delete(tx, env, name, current.version()));
            return null;
        });
        changed(env, name);
    }

    /**
     * Creates or replaces a target declared in a provisioning file, as the system actor; false (nothing written)
     * when it is already exactly so.
     */
    public boolean provision(String env, SyncTargetRequest request) {
        TargetRules.check(request, null);
        Optional<SyncTarget> current = db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, request.name());
        });
        if (current.isPresent()) {
            SyncTarget c = current.get();
            SyncTarget wanted = build(c.name(), request, request.token() != null || c.hasToken(), c.version(),
                    c.createdAt(), c.updatedAt());
            if (wanted.equals(c) && (request.token() == null || request.token().equals(token(env, c.name())))) {
                return false;
            }
        }
        put(env, request.name(), request, ExpectedVersion.NONE);
        return true;
    }

    /** The target's token in clear, for the reconciler's Authorization header only; null when it has none. */
    String token(String env, String name) {
        return db.read(tx -> repository.sealedToken(tx, env, name)).map(s -> secrets.open(s, associatedData(env, name)))
                .orElse(null);
    }

    private SyncTarget insert(DSLContext tx, AuditRecorder audit, String env, String name, SyncTargetRequest r) {
        String now = Timestamps.now();
        String sealed = r.token() == null ? null : seal(env, name, r.token());
        SyncTarget t = build(name, r, sealed != null, 1, now, now);
        repository.insert(tx, env, t, sealed);
        repository.row(tx, env, name).ifPresent(audit::created);
        return t;
    }

    private static SyncTarget build(String name, SyncTargetRequest r, boolean hasToken, long version, String createdAt,
                                    String updatedAt) {
        TlsOptions tls = r.tls() == null ? TlsOptions.DEFAULT
                : new TlsOptions(r.tls().skipVerify(), r.tls().caCertificate());
        return new SyncTarget(name, r.url(), hasToken, r.orgId() == null ? 1 : r.orgId(), tls,
                r.folders() == null ? null : List.copyOf(r.folders()),
                r.resyncInterval() == null ? DEFAULT_INTERVAL : r.resyncInterval(), Boolean.TRUE.equals(r.editable()),
                Boolean.TRUE.equals(r.adopt()), r.drift() == null ? SyncTarget.REVERT : r.drift(),
                !Boolean.FALSE.equals(r.enabled()), version, createdAt, updatedAt);
    }

    private String seal(String env, String name, String token) {
        return secrets.seal(token, associatedData(env, name));
    }

    /** Must match {@code KeyRotation.COLUMNS}. */
    static String associatedData(String env, String name) {
        return "sync-target:" + env + "/" + name;
    }

    private void changed(String env, String name) {
        changes.incrementAndGet();
        listeners.forEach(l -> l.accept(env, name));
    }

    private static DomainException notFound(String name) {
        return DomainException.notFound("target '" + name + "' does not exist");
    }
}
