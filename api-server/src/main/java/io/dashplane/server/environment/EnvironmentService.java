package io.dashplane.server.environment;

import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.storage.Versions;
import org.jooq.DSLContext;

/** Rules for environments; also the "does this environment exist" check every nested kind uses. */
public final class EnvironmentService {
    private final Database db;
    private final EnvironmentRepository repository;
    /** Environments deleted since start: caches of what an environment holds key on it (a deletion cascades). */
    private final java.util.concurrent.atomic.AtomicLong deletions = new java.util.concurrent.atomic.AtomicLong();

    public EnvironmentService(Database db, EnvironmentRepository repository) {
        this.db = db;
        this.repository = repository;
    }

    public Page<Environment> list(PageRequest page) {
        return db.read(tx -> Page.of(repository.list(tx, page.offset(), page.perPage()), repository.count(tx), page));
    }

    public Environment get(String name) {
        return db.read(tx -> repository.find(tx, name)).orElseThrow(() -> notFound(name));
    }

    public Environment create(EnvironmentRequest request) {
        return db.write(tx -> {
            if (repository.exists(tx, request.name())) {
                throw DomainException.conflict("environment '" + request.name() + "' already exists");
            }
            if (request.orgId() != null && repository.orgIdTaken(tx, request.orgId())) {
                throw DomainException.conflict("org id " + request.orgId() + " belongs to another environment");
            }
            String now = Timestamps.now();
            String description = request.description() == null ? "" : request.description();
            long orgId = request.orgId() == null ? 0 : request.orgId();
            Environment created = repository.insert(tx, new Environment(request.name(), orgId, description,
                    modeOrStrict(request.validation()), 1, now, now));
            repository.row(tx, created.name()).ifPresent(AuditRecorder.of(tx)::created);
            return created;
        });
    }

    /**
     * Replaces ({@code partial} false: absent means empty and strict) or changes ({@code partial} true: absent
     * members are kept) the description and validation mode; the name and org id stay. No change, no new version.
     */
    public Environment update(String name, EnvironmentUpdate request, ExpectedVersion expected, boolean partial) {
        return db.write(tx -> {
            Environment current = repository.find(tx, name).orElseThrow(() -> notFound(name));
            Versions.check(expected, current.version(), "environment '" + name + "'");
            String description = request.description() != null ? request.description()
                    : partial ? current.description() : "";
            String validation = request.validation() != null ? request.validation()
                    : partial ? current.validation() : ValidationMode.STRICT.wireName();
            if (current.description().equals(description) && current.validation().equals(validation)) {
                return current;
            }
            Environment next = new Environment(name, current.orgId(), description, validation,
                    current.version() + 1, current.createdAt(), Timestamps.now());
            repository.update(tx, next);
            repository.row(tx, name).ifPresent(AuditRecorder.of(tx)::updated);
            return next;
        });
    }

    /** How writes into {@code env} treat unresolved references; call inside the transaction that writes. */
    public ValidationMode validationMode(DSLContext tx, String env) {
        return repository.validationMode(tx, env);
    }

    private static String modeOrStrict(String validation) {
        return validation == null ? ValidationMode.STRICT.wireName() : validation;
    }

    public void delete(String name, boolean force) {
        db.write(tx -> {
            requireExists(tx, name);
            long content = repository.contentCount(tx, name);
            if (content > 0 && !force) {
                throw DomainException.conflict("environment '" + name + "' holds " + content
                        + " objects; delete them first or use force=true");
            }
            AuditRecorder.of(tx).deleted(repository.delete(tx, name));
            return null;
        });
        deletions.incrementAndGet();
    }

    /** How many environments this server has deleted (with everything in them) since it started. */
    public long deletions() {
        return deletions.get();
    }

    /** The environment that is Grafana organization {@code orgId}. */
    public java.util.Optional<Environment> byOrgId(long orgId) {
        return db.read(tx -> repository.findByOrgId(tx, orgId));
    }

    /**
     * Creates the environment inside the caller's write transaction unless it exists (file provisioning).
     *
     * @return whether it was created
     */
    public boolean createIfAbsentInTransaction(DSLContext tx, AuditRecorder audit, String name, String description) {
        if (repository.exists(tx, name)) {
            return false;
        }
        repository.insert(tx, Environment.withNextOrgId(name, description, Timestamps.now()));
        repository.row(tx, name).ifPresent(audit::created);
        return true;
    }

    /** Throws 404 unless the environment exists; call inside the transaction that uses it. */
    public void requireExists(DSLContext tx, String name) {
        if (!repository.exists(tx, name)) {
            throw notFound(name);
        }
    }

    private static DomainException notFound(String name) {
        return DomainException.notFound("environment '" + name + "' does not exist");
    }
}
