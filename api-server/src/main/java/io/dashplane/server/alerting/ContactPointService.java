package io.dashplane.server.alerting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.ContactPointValidator;
import io.dashplane.schema.alerting.FindingCollector;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.IntegrationTypes;
import io.dashplane.schema.alerting.SecretSettings;
import io.dashplane.schema.alerting.SplitSettings;
import io.dashplane.schema.alerting.StoredSecrets;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Versions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Contact points: unique names, one or more integrations, secret settings write-only and sealed with
 * {@link SecretBox}. On a replace, a secret setting that is absent (or the export placeholder
 * {@value #REDACTED}) keeps the stored value of the integration with the same uid; an empty string clears it.
 */
public final class ContactPointService {
    /** What an export without decryption writes in place of a secret value. */
    public static final String REDACTED = "[REDACTED]";

    private final Database db;
    private final EnvironmentService environments;
    private final ContactPointRepository repository;
    private final AlertingReferences references;
    private final SecretBox secretBox;
    private final StoredJson json;
    private final ContactPointValidator validator = new ContactPointValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    public ContactPointService(Database db, EnvironmentService environments, ContactPointRepository repository,
                               AlertingReferences references, SecretBox secretBox, StoredJson json,
                               io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.repository = repository;
        this.references = references;
        this.secretBox = secretBox;
        this.json = json;
    }

    public Page<StoredContactPoint> list(String env, String name, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            List<StoredContactPoint> all = repository.list(tx, env).stream()
                    .filter(c -> name == null || name.isEmpty() || c.name().equals(name)).toList();
            return Pages.slice(all, page);
        });
    }

    public StoredContactPoint get(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
        });
    }

    public AlertingWrite<StoredContactPoint> create(String env, ContactPoint contactPoint) {
        String uid = contactPoint.uid() != null ? contactPoint.uid() : Uid.generate();
        return db.write(tx -> {
            environments.requireExists(tx, env);
            if (repository.find(tx, env, uid).isPresent()) {
                throw DomainException.conflict("contact point '" + uid + "' already exists");
            }
            return writeInTx(tx, AuditRecorder.of(tx), env, withUid(contactPoint, uid), ExpectedVersion.NONE, "",
                    "integrations");
        });
    }

    public AlertingWrite<StoredContactPoint> put(String env, String uid, ContactPoint contactPoint,
                                                 ExpectedVersion expected) {
        if (!Uid.isValid(uid)) {
            throw DomainException.invalid("/uid", "uid must be 1-40 characters of [A-Za-z0-9_-]");
        }
        if (contactPoint.uid() != null && !contactPoint.uid().equals(uid)) {
            throw DomainException.invalid("/uid", "uid in the body differs from the uid in the path");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, "contact-point", uid);
            return writeInTx(tx, AuditRecorder.of(tx), env, withUid(contactPoint, uid), expected, "", "integrations");
        });
    }

    /** A uid for a new contact point named {@code name}: the name itself when it is a free valid uid. */
    String newUid(DSLContext tx, String env, String name) {
        return Uid.isValid(name) && repository.find(tx, env, name).isEmpty() ? name : Uid.generate();
    }

    Optional<StoredContactPoint> findByName(DSLContext tx, String env, String name) {
        return repository.findByName(tx, env, name);
    }

    /** Validates and writes {@code contactPoint} (uid set); {@code listMember} names the integration list in pointers. */
    AlertingWrite<StoredContactPoint> writeInTx(DSLContext tx, AuditRecorder audit, String env,
                                                ContactPoint contactPoint, ExpectedVersion expected, String at,
                                                String listMember) {
        Optional<StoredContactPoint> current = repository.find(tx, env, contactPoint.uid());
        Map<String, Map<String, String>> storedSecrets = current.isPresent() ? openSecrets(tx, env, contactPoint.uid()) : Map.of();
        ContactPoint request = withoutPlaceholders(contactPoint);
        StoredSecrets stored = (integrationUid, path) -> storedSecrets.getOrDefault(integrationUid, Map.of()).containsKey(path)
                && !clears(request, integrationUid, path);
        FindingCollector findings = new FindingCollector(at);
        validator.validate(request, findings, stored, listMember);
        ValidationReport report = Reports.requireValid(findings.report());
        Versions.check(expected, current.map(c -> c.meta().version()).orElse(null), "contact point '" + contactPoint.uid() + "'");
        repository.findByName(tx, env, request.name()).filter(other -> !other.uid().equals(request.uid())).ifPresent(other -> {
            throw DomainException.conflict("contact point name '" + request.name() + "' is taken by uid '" + other.uid() + "'",
                    Map.of("conflictingUid", other.uid()));
        });
        if (current.isPresent() && !current.get().name().equals(request.name())) {
            AlertingReferences.requireUnreferenced(references.toContactPoint(tx, env, current.get().name()),
                    "contact point '" + current.get().name() + "'", "renamed");
        }

        List<Integration> plain = new ArrayList<>();
        Map<String, Map<String, String>> secrets = new TreeMap<>();
        Map<String, List<String>> secureFields = new TreeMap<>();
        for (Integration integration : request.integrations()) {
            String integrationUid = integration.uid() != null ? integration.uid() : Uid.generate();
            SplitSettings split = SecretSettings.split(integration.type(), integration.settings());
            Map<String, String> mine = new TreeMap<>(split.secrets());
            Map<String, String> kept = storedSecrets.getOrDefault(integrationUid, Map.of());
            for (String path : IntegrationTypes.secretSettings(integration.type())) {
                if (clears(request, integrationUid, path)) {
                    removePath(split.settings(), path);
                } else if (!mine.containsKey(path) && kept.containsKey(path)) {
                    mine.put(path, kept.get(path));
                }
            }
            plain.add(new Integration(integrationUid, integration.type(), split.settings(), integration.disableResolveMessage()));
            if (!mine.isEmpty()) {
                secrets.put(integrationUid, mine);
                secureFields.put(integrationUid, List.copyOf(mine.keySet()));
            }
        }
        String sealed = seal(env, request.uid(), secrets);
        if (current.isEmpty()) {
            StoredContactPoint created = new StoredContactPoint(request.uid(), request.name(), plain, secureFields, ObjectMeta.first());
            repository.insert(tx, env, created, sealed);
            repository.row(tx, env, request.uid()).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        StoredContactPoint old = current.get();
        if (old.name().equals(request.name()) && old.integrations().equals(plain) && storedSecrets.equals(secrets)) {
            return AlertingWrite.unchanged(old, report.warnings());
        }
        StoredContactPoint updated = new StoredContactPoint(request.uid(), request.name(), plain, secureFields, old.meta().next());
        repository.update(tx, env, updated, sealed);
        repository.row(tx, env, request.uid()).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    /**
     * Seals secret settings found in plain stored settings: contact points written before Dashplane knew
     * the secrets of their integration types (victorops, pushover, sns, ...) kept them as sent. The
     * version stays, since the content is the same; a sealed value wins over a plain one of the same path.
     *
     * @return how many contact points were rewritten
     */
    public int sealPlaintextSecrets() {
        return db.write(tx -> {
            AuditRecorder audit = AuditRecorder.of(tx);
            int rewritten = 0;
            for (String env : repository.environments(tx)) {
                for (StoredContactPoint point : repository.list(tx, env)) {
                    if (sealPlaintextSecrets(tx, audit, env, point)) {
                        rewritten++;
                    }
                }
            }
            return rewritten;
        });
    }

    private boolean sealPlaintextSecrets(DSLContext tx, AuditRecorder audit, String env, StoredContactPoint point) {
        if (point.integrations().stream().allMatch(i -> SecretSettings.split(i.type(), i.settings()).secrets().isEmpty())) {
            return false;
        }
        Map<String, Map<String, String>> secrets = new TreeMap<>(openSecrets(tx, env, point.uid()));
        List<Integration> plain = new ArrayList<>();
        Map<String, List<String>> secureFields = new TreeMap<>();
        for (Integration integration : point.integrations()) {
            SplitSettings split = SecretSettings.split(integration.type(), integration.settings());
            Map<String, String> mine = new TreeMap<>(split.secrets());
            mine.putAll(secrets.getOrDefault(integration.uid(), Map.of()));
            plain.add(integration.withSettings(split.settings()));
            if (!mine.isEmpty()) {
                secrets.put(integration.uid(), mine);
                secureFields.put(integration.uid(), List.copyOf(mine.keySet()));
            }
        }
        StoredContactPoint sealed = new StoredContactPoint(point.uid(), point.name(), plain, secureFields, point.meta());
        repository.restore(tx, env, sealed, seal(env, point.uid(), secrets));
        audit.record(env, "contact-point", sealed.uid(), "seal-secrets", sealed.meta().version(),
                sealed.meta().version(), json.write(sealed.integrations()));
        return true;
    }

    public void delete(String env, String uid, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            StoredContactPoint current = repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            provisioned.requireWritable(tx, env, "contact-point", uid);
            deleteInTx(tx, AuditRecorder.of(tx), env, current, expected);
            return null;
        });
    }

    void deleteInTx(DSLContext tx, AuditRecorder audit, String env, StoredContactPoint current,
                    ExpectedVersion expected) {
        Versions.check(expected, current.meta().version(), "contact point '" + current.uid() + "'");
        AlertingReferences.requireUnreferenced(references.toContactPoint(tx, env, current.name()),
                "contact point '" + current.name() + "'", "deleted");
        audit.deleted(repository.delete(tx, env, current.uid(), current.meta().version()));
    }

    List<StoredContactPoint> listInTx(DSLContext tx, String env) {
        return repository.list(tx, env);
    }

    /** The integrations with their secrets put back (for an export that asked for them), else redacted. */
    List<Integration> integrationsForExport(DSLContext tx, String env, StoredContactPoint contactPoint, boolean decrypt) {
        Map<String, Map<String, String>> secrets = contactPoint.secureFields().isEmpty() ? Map.of()
                : openSecrets(tx, env, contactPoint.uid());
        List<Integration> out = new ArrayList<>();
        for (Integration integration : contactPoint.integrations()) {
            Map<String, String> mine = secrets.getOrDefault(integration.uid(), Map.of());
            if (!decrypt) {
                Map<String, String> redacted = new LinkedHashMap<>();
                mine.keySet().forEach(path -> redacted.put(path, REDACTED));
                mine = redacted;
            }
            out.add(mine.isEmpty() ? integration : integration.withSettings(SecretSettings.merge(integration.settings(), mine)));
        }
        return out;
    }

    private Map<String, Map<String, String>> openSecrets(DSLContext tx, String env, String uid) {
        Optional<String> sealed = repository.sealedSecrets(tx, env, uid);
        if (sealed.isEmpty()) {
            return Map.of();
        }
        return json.read(secretBox.open(sealed.get(), associatedData(env, uid)),
                new TypeReference<TreeMap<String, Map<String, String>>>() { });
    }

    private String seal(String env, String uid, Map<String, Map<String, String>> secrets) {
        return secrets.isEmpty() ? null : secretBox.seal(json.write(secrets), associatedData(env, uid));
    }

    private static String associatedData(String env, String uid) {
        return "contact-point:" + env + "/" + uid;
    }

    /** A copy without secret settings set to the export placeholder: they count as absent. */
    private static ContactPoint withoutPlaceholders(ContactPoint contactPoint) {
        if (contactPoint.integrations() == null) {
            return contactPoint;
        }
        List<Integration> cleaned = new ArrayList<>();
        for (Integration integration : contactPoint.integrations()) {
            if (integration == null || integration.settings() == null || !integration.settings().isObject()) {
                cleaned.add(integration);
                continue;
            }
            ObjectNode settings = ((ObjectNode) integration.settings()).deepCopy();
            for (String path : IntegrationTypes.secretSettings(integration.type())) {
                JsonNode value = valueAt(settings, path);
                if (value != null && value.isTextual() && REDACTED.equals(value.asText())) {
                    removePath(settings, path);
                }
            }
            cleaned.add(integration.withSettings(settings));
        }
        return new ContactPoint(contactPoint.uid(), contactPoint.name(), cleaned);
    }

    /** True when the request sets secret {@code path} of integration {@code integrationUid} to "" (clear it). */
    private static boolean clears(ContactPoint request, String integrationUid, String path) {
        if (request.integrations() == null) {
            return false;
        }
        for (Integration integration : request.integrations()) {
            if (integration != null && integrationUid.equals(integration.uid())) {
                JsonNode value = valueAt(integration.settings(), path);
                return value != null && value.isTextual() && value.asText().isEmpty();
            }
        }
        return false;
    }

    private static JsonNode valueAt(JsonNode settings, String path) {
        JsonNode node = settings;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    private static void removePath(ObjectNode settings, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = settings;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node == null ? null : node.get(parts[i]);
        }
        if (node instanceof ObjectNode parent) {
            parent.remove(parts[parts.length - 1]);
        }
    }

    private static ContactPoint withUid(ContactPoint contactPoint, String uid) {
        return new ContactPoint(uid, contactPoint.name(), contactPoint.integrations());
    }

    private static DomainException notFound(String uid) {
        return DomainException.notFound("contact point '" + uid + "' does not exist");
    }
}
