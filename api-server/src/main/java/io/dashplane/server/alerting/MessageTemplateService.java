package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MessageTemplateValidator;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** Message templates, addressed by name; the template names they define are unique per environment. */
public final class MessageTemplateService {
    private final Database db;
    private final EnvironmentService environments;
    private final MessageTemplateRepository repository;
    private final MessageTemplateValidator validator = new MessageTemplateValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    public MessageTemplateService(Database db, EnvironmentService environments, MessageTemplateRepository repository,
                                  io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.repository = repository;
    }

    public Page<StoredTemplate> list(String env, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return Pages.slice(repository.list(tx, env), page);
        });
    }

    public StoredTemplate get(String env, String name) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, name).orElseThrow(() -> notFound(name));
        });
    }

    public AlertingWrite<StoredTemplate> put(String env, String name, MessageTemplate template, ExpectedVersion expected) {
        if (template.name() != null && !template.name().equals(name)) {
            throw DomainException.invalid("/name", "name in the body differs from the name in the path");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, "template", name);
            return putInTx(tx, AuditRecorder.of(tx), env, new MessageTemplate(name, template.template()), expected, "");
        });
    }

    AlertingWrite<StoredTemplate> putInTx(DSLContext tx, AuditRecorder audit, String env, MessageTemplate template,
                                          ExpectedVersion expected, String at) {
        ValidationReport report = Reports.requireValid(validator.validate(template, at));
        Optional<StoredTemplate> current = repository.find(tx, env, template.name());
        Versions.check(expected, current.map(t -> t.meta().version()).orElse(null), "template '" + template.name() + "'");
        Set<String> defined = new HashSet<>(template.definedTemplateNames());
        for (StoredTemplate other : repository.list(tx, env)) {
            if (other.name().equals(template.name())) {
                continue;
            }
            List<String> clash = other.template().definedTemplateNames().stream().filter(defined::contains).toList();
            if (!clash.isEmpty()) {
                throw DomainException.conflict("template '" + other.name() + "' already defines " + String.join(", ", clash)
                        + "; defined template names must be unique in the environment", Map.of("conflictingName", other.name()));
            }
        }
        if (current.isEmpty()) {
            StoredTemplate created = new StoredTemplate(template, ObjectMeta.first());
            repository.insert(tx, env, created);
            repository.row(tx, env, template.name()).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        if (current.get().template().equals(template)) {
            return AlertingWrite.unchanged(current.get(), report.warnings());
        }
        StoredTemplate updated = new StoredTemplate(template, current.get().meta().next());
        repository.update(tx, env, updated);
        repository.row(tx, env, template.name()).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    public void delete(String env, String name, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, "template", name);
            deleteInTx(tx, AuditRecorder.of(tx), env, name, expected);
            return null;
        });
    }

    void deleteInTx(DSLContext tx, AuditRecorder audit, String env, String name, ExpectedVersion expected) {
        StoredTemplate current = repository.find(tx, env, name).orElseThrow(() -> notFound(name));
        Versions.check(expected, current.meta().version(), "template '" + name + "'");
        audit.deleted(repository.delete(tx, env, name, current.meta().version()));
    }

    Optional<StoredTemplate> findInTx(DSLContext tx, String env, String name) {
        return repository.find(tx, env, name);
    }

    List<StoredTemplate> listInTx(DSLContext tx, String env) {
        return repository.list(tx, env);
    }

    private static DomainException notFound(String name) {
        return DomainException.notFound("template '" + name + "' does not exist");
    }
}
