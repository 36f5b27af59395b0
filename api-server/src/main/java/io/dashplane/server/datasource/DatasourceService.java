package io.dashplane.server.datasource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.schema.Uid;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.storage.Versions;
import io.dashplane.server.storage.WriteResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/** Datasource rules: unique names, one default per environment, write-only encrypted secrets, versions. */
public final class DatasourceService {
    /** The kind of a provisioned datasource in {@code provisioned_objects}. */
    public static final String KIND = "datasource";

    private final Database db;
    private final DatasourceRepository repository;
    private final Referrers dashboards;
    private final EnvironmentService environments;
    private final SecretBox secrets;
    private final ObjectMapper mapper;
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    /** The dashboards that name a datasource (the dashboard package owns them). */
    @FunctionalInterface
    public interface Referrers {
        /** Dashboards of {@code env} naming any of {@code refs} (datasource uids or names). */
        List<DatasourceReferrer> referrers(DSLContext tx, String env, Collection<String> refs);
    }

    public DatasourceService(Database db, DatasourceRepository repository, Referrers dashboards,
                             EnvironmentService environments, SecretBox secrets, ObjectMapper mapper,
                             io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.repository = repository;
        this.dashboards = dashboards;
        this.environments = environments;
        this.secrets = secrets;
        this.mapper = mapper;
    }

    public Page<Datasource> list(String env, String name, String type, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return Page.of(repository.list(tx, env, name, type, page.offset(), page.perPage()),
                    repository.count(tx, env, name, type), page);
        });
    }

    /** Grafana's numeric id of every datasource of the environment, by uid. */
    public Map<String, Long> ids(String env) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.ids(tx, env);
        });
    }

    public java.util.Optional<String> uidById(String env, long id) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.uidById(tx, env, id);
        });
    }

    public Datasource get(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
        });
    }

    public Datasource getByName(String env, String name) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.findByName(tx, env, name)
                    .orElseThrow(() -> DomainException.notFound("no datasource named '" + name + "'"));
        });
    }

    /** POST: creates; 409 when the uid is taken. */
    public Datasource create(String env, DatasourceRequest request) {
        String uid = request.uid() != null ? request.uid() : Uid.generate();
        return db.write(tx -> {
            environments.requireExists(tx, env);
            if (repository.existsByUid(tx, env, uid)) {
                throw DomainException.conflict("datasource '" + uid + "' already exists");
            }
            return insert(tx, AuditRecorder.of(tx), env, uid, request);
        });
    }

    /** PUT: creates or replaces; {@code expected} is the If-Match / body version precondition. */
    public WriteResult<Datasource> put(String env, String uid, DatasourceRequest request, ExpectedVersion expected) {
        if (!Uid.isValid(uid)) {
            throw DomainException.invalid("/uid", "uid must be 1-40 characters of [A-Za-z0-9_-]");
        }
        if (request.uid() != null && !request.uid().equals(uid)) {
            throw DomainException.invalid("/uid", "uid in the body differs from the uid in the path");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, uid);
            Optional<Datasource> current = repository.find(tx, env, uid);
            Versions.check(expected, current.map(Datasource::version).orElse(null), "datasource '" + uid + "'");
            AuditRecorder audit = AuditRecorder.of(tx);
            if (current.isEmpty()) {
                return new WriteResult<>(insert(tx, audit, env, uid, request), true);
            }
            return new WriteResult<>(replace(tx, audit, env, current.get(), request), false);
        });
    }

    /**
     * Creates or replaces inside the caller's write transaction (promotion, import, provisioning apply many
     * writes atomically). No version precondition: the caller checks versions itself.
     */
    public Datasource writeInTransaction(DSLContext tx, AuditRecorder audit, String env, String uid,
                                         DatasourceRequest request) {
        Optional<Datasource> current = repository.find(tx, env, uid);
        return current.isEmpty() ? insert(tx, audit, env, uid, request)
                : replace(tx, audit, env, current.get(), request);
    }

    /** The datasource {@code uid}, read in the caller's transaction. */
    public Optional<Datasource> findInTransaction(DSLContext tx, String env, String uid) {
        return repository.find(tx, env, uid);
    }

    /** The datasource named {@code name}, read in the caller's transaction. */
    public Optional<Datasource> findByNameInTransaction(DSLContext tx, String env, String name) {
        return repository.findByName(tx, env, name);
    }

    /**
     * Deletes inside the caller's write transaction without the checks of {@link #delete} (file provisioning
     * removes the datasources its files no longer hold).
     */
    public void deleteInTransaction(DSLContext tx, AuditRecorder audit, String env, String uid) {
        audit.deleted(repository.delete(tx, env, uid));
    }

    /**
     * Deletes a datasource. While dashboards of the environment name it (by uid, or by name in the
     * legacy string form) this is a conflict listing them, unless {@code force}; forced, those
     * dashboards keep their now dangling references.
     */
    public void delete(String env, String uid, boolean force, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            Datasource current = repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            provisioned.requireWritable(tx, env, KIND, uid);
            Versions.check(expected, current.version(), "datasource '" + uid + "'");
            if (!force) {
                List<DatasourceReferrer> referrers = dashboards.referrers(tx, env,
                        new LinkedHashSet<>(List.of(current.uid(), current.name())));
                if (!referrers.isEmpty()) {
                    throw DomainException.conflict("datasource '" + uid + "' is referenced by " + referrers.size()
                            + (referrers.size() == 1 ? " dashboard" : " dashboards")
                            + "; delete with force=true to delete it anyway", Map.of("referrers", referrers));
                }
            }
            AuditRecorder.of(tx).deleted(repository.delete(tx, env, uid, current.version()));
            return null;
        });
    }

    private Datasource insert(DSLContext tx, AuditRecorder audit, String env, String uid, DatasourceRequest r) {
        checkUnique(tx, env, uid, r);
        String now = Timestamps.now();
        Map<String, String> secureData = r.secureJsonData() == null ? Map.of() : r.secureJsonData();
        Datasource d = build(uid, r, flags(secureData), 1, now, now);
        repository.insert(tx, env, d, seal(env, uid, secureData));
        repository.row(tx, env, uid).ifPresent(audit::created);
        return d;
    }

    private Datasource replace(DSLContext tx, AuditRecorder audit, String env, Datasource current,
                               DatasourceRequest r) {
        checkUnique(tx, env, current.uid(), r);
        String sealed;
        Map<String, Boolean> flags;
        if (r.secureJsonData() == null) {
            sealed = repository.sealedSecrets(tx, env, current.uid()).orElse(null);
            flags = current.secureJsonFields();
        } else {
            sealed = seal(env, current.uid(), r.secureJsonData());
            flags = flags(r.secureJsonData());
        }
        Datasource d = build(current.uid(), r, flags, current.version() + 1, current.createdAt(), Timestamps.now());
        repository.update(tx, env, d, sealed);
        repository.row(tx, env, d.uid()).ifPresent(audit::updated);
        return d;
    }

    private void checkUnique(DSLContext tx, String env, String uid, DatasourceRequest r) {
        repository.findByName(tx, env, r.name()).filter(other -> !other.uid().equals(uid)).ifPresent(other -> {
            throw DomainException.conflict("datasource name '" + r.name() + "' is taken by uid '" + other.uid() + "'");
        });
        if (Boolean.TRUE.equals(r.isDefault())) {
            repository.findDefaultUid(tx, env).filter(other -> !other.equals(uid)).ifPresent(other -> {
                throw DomainException.conflict("datasource '" + other + "' is already the default of this environment",
                        Map.of("currentDefault", other));
            });
        }
    }

    private Datasource build(String uid, DatasourceRequest r, Map<String, Boolean> flags, long version,
                             String createdAt, String updatedAt) {
        return new Datasource(uid, r.name(), r.type(), r.access() == null ? "proxy" : r.access(), orEmpty(r.url()),
                Boolean.TRUE.equals(r.basicAuth()), orEmpty(r.basicAuthUser()), orEmpty(r.user()),
                orEmpty(r.database()), Boolean.TRUE.equals(r.withCredentials()), Boolean.TRUE.equals(r.isDefault()),
                Boolean.TRUE.equals(r.readOnly()), r.jsonData() == null ? mapper.createObjectNode() : r.jsonData(), flags,
                version, createdAt, updatedAt);
    }

    private String seal(String env, String uid, Map<String, String> secureData) {
        if (secureData.isEmpty()) {
            return null;
        }
        try {
            return secrets.seal(mapper.writeValueAsString(new TreeMap<>(secureData)), associatedData(env, uid));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts the stored secrets of a datasource (for future server-side use; never sent to clients). */
    public Map<String, String> decryptSecrets(String env, String uid) {
        Optional<String> sealed = db.read(tx -> repository.sealedSecrets(tx, env, uid));
        if (sealed.isEmpty()) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> m = mapper.readValue(secrets.open(sealed.get(), associatedData(env, uid)), Map.class);
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String associatedData(String env, String uid) {
        return "datasource:" + env + "/" + uid;
    }

    private static Map<String, Boolean> flags(Map<String, String> secureData) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        secureData.keySet().stream().sorted().forEach(k -> flags.put(k, true));
        return flags;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static DomainException notFound(String uid) {
        return DomainException.notFound("datasource '" + uid + "' does not exist");
    }

    /** Every datasource uid and name of every environment (file provisioning checks references across them). */
    public record UidsAndNames(java.util.Set<String> uids, java.util.Set<String> names) {
    }

    public UidsAndNames uidsAndNamesOfEveryEnvironment() {
        return db.read(repository::uidsAndNames);
    }
}
