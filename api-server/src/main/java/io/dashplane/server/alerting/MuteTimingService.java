package io.dashplane.server.alerting;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.MuteTimingValidator;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Mute timings (time interval sets), addressed by uid or by their unique name. Routes and rules refer to
 * them by name, so a referenced one can be neither renamed nor deleted.
 */
public final class MuteTimingService {
    /** The kind of a provisioned mute timing in {@code provisioned_objects} (recorded by uid). */
    public static final String KIND = "mute-timing";

    private final Database db;
    private final EnvironmentService environments;
    private final MuteTimingRepository repository;
    private final AlertingReferences references;
    private final MuteTimingValidator validator = new MuteTimingValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    public MuteTimingService(Database db, EnvironmentService environments, MuteTimingRepository repository,
                             AlertingReferences references, io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.repository = repository;
        this.references = references;
    }

    public Page<StoredMuteTiming> list(String env, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return Pages.slice(repository.list(tx, env), page);
        });
    }

    public StoredMuteTiming get(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, uid).orElseThrow(() -> notFound("mute timing '" + uid + "'"));
        });
    }

    public StoredMuteTiming getByName(String env, String name) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.findByName(tx, env, name).orElseThrow(() -> notFound("no mute timing named '" + name + "'"));
        });
    }

    public AlertingWrite<StoredMuteTiming> create(String env, String uid, MuteTiming timing) {
        String id = uid != null ? uid : Uid.generate();
        return db.write(tx -> {
            environments.requireExists(tx, env);
            if (repository.find(tx, env, id).isPresent()) {
                throw DomainException.conflict("mute timing '" + id + "' already exists");
            }
            return writeInTx(tx, AuditRecorder.of(tx), env, id, timing, ExpectedVersion.NONE, "");
        });
    }

    public AlertingWrite<StoredMuteTiming> put(String env, String uid, MuteTiming timing, ExpectedVersion expected) {
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, uid);
            return writeInTx(tx, AuditRecorder.of(tx), env, uid, timing, expected, "");
        });
    }

    /** PUT by name: replaces the mute timing of that name, or creates one (uid generated). */
    public AlertingWrite<StoredMuteTiming> putByName(String env, String name, MuteTiming timing, ExpectedVersion expected) {
        if (timing.name() != null && !timing.name().equals(name)) {
            throw DomainException.invalid("/name", "name in the body differs from the name in the path; rename by uid");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            repository.findByName(tx, env, name).ifPresent(m -> provisioned.requireWritable(tx, env, KIND, m.uid()));
            return upsertByNameInTx(tx, AuditRecorder.of(tx), env, new MuteTiming(name, timing.timeIntervals()), expected,
                    "");
        });
    }

    AlertingWrite<StoredMuteTiming> upsertByNameInTx(DSLContext tx, AuditRecorder audit, String env, MuteTiming timing,
                                                     ExpectedVersion expected, String at) {
        Optional<StoredMuteTiming> current = timing.name() == null ? Optional.empty()
                : repository.findByName(tx, env, timing.name());
        if (current.isEmpty()) {
            Versions.check(expected, null, "mute timing '" + timing.name() + "'");
        }
        String uid = current.map(StoredMuteTiming::uid).orElseGet(() -> Uid.isValid(timing.name())
                && repository.find(tx, env, timing.name()).isEmpty() ? timing.name() : Uid.generate());
        return writeInTx(tx, audit, env, uid, timing, expected, at);
    }

    AlertingWrite<StoredMuteTiming> writeInTx(DSLContext tx, AuditRecorder audit, String env, String uid,
                                              MuteTiming timing, ExpectedVersion expected, String at) {
        String problem = Uid.problem(uid);
        if (problem != null) {
            throw DomainException.invalid(at + "/uid", problem);
        }
        ValidationReport report = Reports.requireValid(validator.validate(timing, at));
        Optional<StoredMuteTiming> current = repository.find(tx, env, uid);
        Versions.check(expected, current.map(m -> m.meta().version()).orElse(null), "mute timing '" + uid + "'");
        repository.findByName(tx, env, timing.name()).filter(other -> !other.uid().equals(uid)).ifPresent(other -> {
            throw DomainException.conflict("mute timing name '" + timing.name() + "' is taken by uid '" + other.uid() + "'",
                    Map.of("conflictingUid", other.uid()));
        });
        if (current.isEmpty()) {
            StoredMuteTiming created = new StoredMuteTiming(uid, timing, ObjectMeta.first());
            repository.insert(tx, env, created);
            repository.row(tx, env, uid).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        StoredMuteTiming old = current.get();
        if (!old.name().equals(timing.name())) {
            AlertingReferences.requireUnreferenced(references.toTimeInterval(tx, env, old.name()),
                    "mute timing '" + old.name() + "'", "renamed");
        }
        if (old.timing().equals(timing)) {
            return AlertingWrite.unchanged(old, report.warnings());
        }
        StoredMuteTiming updated = new StoredMuteTiming(uid, timing, old.meta().next());
        repository.update(tx, env, updated);
        repository.row(tx, env, uid).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    public void delete(String env, String uid, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            StoredMuteTiming current = repository.find(tx, env, uid).orElseThrow(() -> notFound("mute timing '" + uid + "'"));
            provisioned.requireWritable(tx, env, KIND, uid);
            deleteInTx(tx, AuditRecorder.of(tx), env, current, expected);
            return null;
        });
    }

    public void deleteByName(String env, String name, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            StoredMuteTiming current = repository.findByName(tx, env, name)
                    .orElseThrow(() -> notFound("no mute timing named '" + name + "'"));
            provisioned.requireWritable(tx, env, KIND, current.uid());
            deleteInTx(tx, AuditRecorder.of(tx), env, current, expected);
            return null;
        });
    }

    void deleteInTx(DSLContext tx, AuditRecorder audit, String env, StoredMuteTiming current, ExpectedVersion expected) {
        Versions.check(expected, current.meta().version(), "mute timing '" + current.uid() + "'");
        AlertingReferences.requireUnreferenced(references.toTimeInterval(tx, env, current.name()),
                "mute timing '" + current.name() + "'", "deleted");
        audit.deleted(repository.delete(tx, env, current.uid(), current.meta().version()));
    }

    Optional<StoredMuteTiming> findByName(DSLContext tx, String env, String name) {
        return repository.findByName(tx, env, name);
    }

    List<StoredMuteTiming> listInTx(DSLContext tx, String env) {
        return repository.list(tx, env);
    }

    private static DomainException notFound(String what) {
        return DomainException.notFound(what.startsWith("no ") ? what : what + " does not exist");
    }
}
