package io.dashplane.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.schema.Uid;
import io.dashplane.schema.dashboard.DashboardValidator;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.json.JsonPointers;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.JsonText;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.storage.Versions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jooq.DSLContext;

/**
 * Dashboard rules: semantic validation (schema module) before anything is written, uid resolution,
 * compare-and-set versions, one history entry per write, restore as a new version, search.
 */
public final class DashboardService {
    public static final String PROVENANCE_API = "api";
    /** The kind of a provisioned dashboard in {@code provisioned_objects}. */
    public static final String KIND = "dashboard";

    private final Database db;
    private final DashboardRepository repository;
    private final FolderExistence folders;
    private final DatasourceNames datasources;
    private final EnvironmentService environments;
    private final JsonText json;
    private final DashboardValidator validator = new DashboardValidator();
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;
    /**
     * Per environment, the datasources (and validation mode) its latest dashboard write read: only a hint for the
     * validation before the write lock, which the write transaction checks against what it reads itself.
     */
    private final Map<String, KnownDatasources> lastKnown = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a folder exists (the folder package owns folders). */
    @FunctionalInterface
    public interface FolderExistence {
        boolean exists(DSLContext tx, String env, String folderUid);
    }

    /** The datasource uids and names of an environment (the datasource package owns datasources). */
    @FunctionalInterface
    public interface DatasourceNames {
        /** The uids and names of the datasources of {@code env} (one query: it also runs under the write lock). */
        Known of(DSLContext tx, String env);

        record Known(Set<String> uids, Set<String> names) {
        }
    }

    public DashboardService(Database db, DashboardRepository repository, FolderExistence folders,
                            DatasourceNames datasources, EnvironmentService environments, ObjectMapper mapper,
                            io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.repository = repository;
        this.folders = folders;
        this.datasources = datasources;
        this.environments = environments;
        this.json = new JsonText(mapper);
    }

    /** POST: creates; 409 when the uid exists. */
    public DashboardWriteResult create(String env, DashboardWrite write, boolean dryRun) {
        String uid = resolveUid(null, write.dashboard());
        return save(env, uid, write, true, dryRun);
    }

    /** PUT: creates or replaces the dashboard {@code uid}. */
    public DashboardWriteResult put(String env, String uid, DashboardWrite write, boolean dryRun) {
        return save(env, resolveUid(uid, write.dashboard()), write, false, dryRun);
    }

    public StoredDashboard get(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
        });
    }

    /** The stored dashboards among {@code uids}, by uid, read in one transaction; 404 when the environment is unknown. */
    public Map<String, StoredDashboard> getAll(String env, Collection<String> uids) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            Map<String, StoredDashboard> found = new LinkedHashMap<>();
            for (String uid : uids) {
                repository.find(tx, env, uid).ifPresent(d -> found.put(uid, d));
            }
            return found;
        });
    }

    /** The uid of the dashboard with Grafana's numeric {@code id}. */
    public Optional<String> uidById(String env, long id) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.uidById(tx, env, id);
        });
    }

    public Page<DashboardHit> search(String env, DashboardQuery query, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            List<DashboardHit> hits = repository.search(tx, env, query, page.offset(), page.perPage()).stream()
                    .map(d -> new DashboardHit(d.uid(), d.id(), d.title(), d.tags(), d.folderUid(), d.version(),
                            DashboardUrls.of(d.uid(), d.title()), null))
                    .toList();
            return Page.of(hits, repository.count(tx, env, query), page);
        });
    }

    public void delete(String env, String uid, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            Long current = repository.currentVersion(tx, env, uid).orElseThrow(() -> notFound(uid));
            provisioned.requireWritable(tx, env, KIND, uid);
            Versions.check(expected, current, "dashboard '" + uid + "'");
            AuditRecorder.of(tx).deleted(repository.delete(tx, env, uid, current));
            return null;
        });
    }

    public Page<DashboardVersion> versions(String env, String uid, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            if (repository.currentVersion(tx, env, uid).isEmpty()) {
                throw notFound(uid);
            }
            return Page.of(repository.versions(tx, env, uid, page.offset(), page.perPage()),
                    repository.countVersions(tx, env, uid), page);
        });
    }

    public DashboardVersion version(String env, String uid, long version) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            if (repository.currentVersion(tx, env, uid).isEmpty()) {
                throw notFound(uid);
            }
            return repository.version(tx, env, uid, version).orElseThrow(() -> DomainException.notFound(
                    "dashboard '" + uid + "' has no version " + version));
        });
    }

    /** Writes the JSON of an old version as a new version; the dashboard stays in its current folder. */
    public DashboardWriteResult restore(String env, String uid, long version, ExpectedVersion expected) {
        return db.write(tx -> {
            environments.requireExists(tx, env);
            StoredDashboard current = repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            provisioned.requireWritable(tx, env, KIND, uid);
            Versions.check(expected, current.version(), "dashboard '" + uid + "'");
            DashboardVersion old = repository.version(tx, env, uid, version).orElseThrow(() ->
                    DomainException.notFound("dashboard '" + uid + "' has no version " + version));
            JsonNode json = this.json.readTree(old.json());
            String folder = current.folderUid();
            StoredDashboard next = new StoredDashboard(uid, current.id(), title(json), folder, tags(json),
                    current.version() + 1, "Restored from version " + version, PROVENANCE_API, old.json(),
                    current.createdAt(), Timestamps.now());
            repository.update(tx, env, next);
            repository.row(tx, env, uid).ifPresent(AuditRecorder.of(tx)::updated);
            return new DashboardWriteResult(uid, next.version(), next.id(), folder, DashboardUrls.of(uid, next.title()),
                    List.of(), false, false, null);
        });
    }

    private DashboardWriteResult save(String env, String uid, DashboardWrite write, boolean createOnly,
                                      boolean dryRun) {
        JsonNode dashboard = write.dashboard();
        // Validate and work out what is stored (text, title, tags, datasource references) outside the
        // single-writer lock, against the datasources the environment's last write saw (no read transaction of
        // its own); re-validate inside only when the datasources read there differ, so a dashboard never commits
        // a reference to a datasource deleted meanwhile.
        KnownDatasources cached = lastKnown.get(env);
        KnownDatasources seen;
        ValidationReport validated;
        try {
            seen = cached != null ? cached : readKnown(env);
            validated = validate(dashboard, seen, Set.of());
        } catch (DomainException e) {
            if (cached == null) {
                throw e;
            }
            // what was remembered may be out of date: a refusal comes from a fresh read, as it would without it
            // (a 404 for an environment deleted meanwhile comes before the 422)
            seen = readKnown(env);
            validated = validate(dashboard, seen, Set.of());
        }
        KnownDatasources before = seen;
        ValidationReport validatedBefore = validated;
        Content content = content(dashboard); // after validation: extraction may assume a valid dashboard
        Function<DSLContext, DashboardWriteResult> work = tx -> {
            environments.requireExists(tx, env);
            KnownDatasources known = KnownDatasources.read(tx, env, datasources, environments);
            lastKnown.put(env, known);
            ValidationReport report = known.equals(before) ? validatedBefore : validate(dashboard, known, Set.of());
            if (!createOnly) {
                provisioned.requireWritable(tx, env, KIND, uid);
            }
            return write(tx, AuditRecorder.of(tx), env, uid, write, content, createOnly, dryRun, PROVENANCE_API,
                    report.warnings(), folder -> false);
        };
        return dryRun ? db.read(work) : db.write(work);
    }

    /** The datasources of {@code env} in a read transaction of their own; 404 when the environment does not exist. */
    private KnownDatasources readKnown(String env) {
        KnownDatasources known = db.read(tx -> {
            environments.requireExists(tx, env);
            return KnownDatasources.read(tx, env, datasources, environments);
        });
        lastKnown.put(env, known);
        return known;
    }

    /**
     * Creates or replaces inside the caller's write transaction (promotion, import, provisioning), validating
     * against the datasources visible in that transaction. {@code write.expected()} is still checked.
     */
    public DashboardWriteResult writeInTransaction(DSLContext tx, AuditRecorder audit, String env, String uid,
                                                   DashboardWrite write, String provenance) {
        environments.requireExists(tx, env);
        ValidationReport report = validate(write.dashboard(), KnownDatasources.read(tx, env, datasources, environments),
                Set.of());
        return write(tx, audit, env, uid, write, content(write.dashboard()), false, false, provenance,
                report.warnings(), folder -> false);
    }

    /** The dashboard {@code uid}, read in the caller's transaction. */
    public Optional<StoredDashboard> findInTransaction(DSLContext tx, String env, String uid) {
        return repository.find(tx, env, uid);
    }

    /** The current version of the dashboard {@code uid}, read in the caller's transaction. */
    public Optional<Long> currentVersionInTransaction(DSLContext tx, String env, String uid) {
        return repository.currentVersion(tx, env, uid);
    }

    /**
     * Deletes inside the caller's write transaction without the checks of {@link #delete} (file provisioning
     * removes the dashboards whose files disappeared).
     */
    public void deleteInTransaction(DSLContext tx, AuditRecorder audit, String env, String uid) {
        audit.deleted(repository.delete(tx, env, uid));
    }

    /** One dry-run write of a batch (see {@link #dryRuns}). */
    public interface DryRun {
        /**
         * Checks {@code write} exactly as {@link #create} ({@code pathUid} null) or {@link #put} with {@code dryRun}
         * would: returns their answer or throws their {@link DomainException}. Findings at or under a JSON pointer
         * of {@code unknownPointers} (pointers into the write body, such as {@code /dashboard/panels/0/title}) are
         * not reported: those values are only known when the write really happens.
         */
        DashboardWriteResult check(String pathUid, DashboardWrite write, Set<String> unknownPointers);
    }

    /**
     * Runs {@code batch} with a {@link DryRun} that checks writes in one read transaction, taking the datasources
     * and folders of {@code planned} as existing besides the stored ones. Nothing is written.
     */
    public <T> T dryRuns(String env, PlannedObjects planned, Function<DryRun, T> batch) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            KnownDatasources known = KnownDatasources.read(tx, env, datasources, environments)
                    .with(planned.datasourceUids(), planned.datasourceNames());
            return batch.apply((pathUid, write, unknown) -> {
                String uid = resolveUid(pathUid, write.dashboard());
                ValidationReport report = validate(write.dashboard(), known, unknown);
                if (pathUid != null) {
                    provisioned.requireWritable(tx, env, KIND, uid);
                }
                return write(tx, AuditRecorder.of(tx), env, uid, write, content(write.dashboard()), pathUid == null,
                        true, PROVENANCE_API, report.warnings(), planned.folderUids()::contains);
            });
        });
    }

    /**
     * What a write of {@code dashboard} stores, worked out without the database so that it can happen before the
     * write lock: the text exactly as stored, title, tags and the datasource references the index keeps.
     */
    private record Content(String json, String title, List<String> tags, Map<String, List<String>> references) {
    }

    private Content content(JsonNode dashboard) {
        return new Content(json.write(dashboard), title(dashboard), tags(dashboard),
                repository.datasourceReferences(dashboard));
    }

    /** The write itself, in {@code tx}, once the environment is known to exist and the content is validated. */
    private DashboardWriteResult write(DSLContext tx, AuditRecorder audit, String env, String uid,
                                       DashboardWrite write, Content content, boolean createOnly, boolean dryRun,
                                       String provenance, List<Finding> warnings, Predicate<String> plannedFolder) {
        String json = content.json();
        String title = content.title();
        List<String> tags = content.tags();
        String message = write.message() == null ? "" : write.message();
        if (write.folderUid() != null && !plannedFolder.test(write.folderUid())
                && !folders.exists(tx, env, write.folderUid())) {
            throw DomainException.invalid("/folderUid", "folder '" + write.folderUid() + "' does not exist");
        }
        Optional<StoredDashboard> current = repository.findMeta(tx, env, uid);
        if (createOnly && current.isPresent()) {
            throw DomainException.conflict("dashboard '" + uid + "' already exists");
        }
        Versions.check(write.expected(), current.map(StoredDashboard::version).orElse(null),
                "dashboard '" + uid + "'");
        String now = Timestamps.now();
        long id = current.map(StoredDashboard::id).orElseGet(() -> dryRun ? 0L : repository.nextId(tx));
        StoredDashboard next = new StoredDashboard(uid, id, title, write.folderUid(), tags,
                current.map(c -> c.version() + 1).orElse(1L), message, provenance, json,
                current.map(StoredDashboard::createdAt).orElse(now), now);
        if (!dryRun) {
            if (current.isPresent()) {
                repository.update(tx, env, next, content.references());
            } else {
                repository.insert(tx, env, next, content.references());
            }
            audit.written(repository.written(env, next), current.isEmpty());
        }
        return new DashboardWriteResult(uid, next.version(), id, next.folderUid(), DashboardUrls.of(uid, title),
                warnings, current.isEmpty(), dryRun, null);
    }

    /** Validates, leaving out findings at or under {@code unknown} pointers; throws the 422 when errors remain. */
    private ValidationReport validate(JsonNode dashboard, KnownDatasources known, Set<String> unknown) {
        ValidationReport report = validator.validate(dashboard, "/dashboard", known, known.mode());
        if (!unknown.isEmpty()) {
            report = new ValidationReport(withoutUnknown(report.errors(), unknown),
                    withoutUnknown(report.warnings(), unknown));
        }
        if (report.hasErrors()) {
            throw DomainException.validation(report.errors(), report.warnings());
        }
        return report;
    }

    private static List<Finding> withoutUnknown(List<Finding> findings, Set<String> unknown) {
        return findings.stream().filter(f -> unknown.stream().noneMatch(u -> JsonPointers.isAtOrUnder(f.pointer(), u)))
                .toList();
    }

    /**
     * The datasource uids and names of an environment, as dashboard validation looks them up, and the
     * environment's validation mode (a change of either re-validates inside the write transaction).
     */
    private record KnownDatasources(Set<String> uids, Set<String> names, ValidationMode mode)
            implements DatasourceLookup {
        static KnownDatasources read(DSLContext tx, String env, DatasourceNames datasources,
                                     EnvironmentService environments) {
            DatasourceNames.Known known = datasources.of(tx, env);
            return new KnownDatasources(known.uids(), known.names(), environments.validationMode(tx, env));
        }

        /** These and the datasources planned in the same run, not written yet. */
        KnownDatasources with(Set<String> plannedUids, Set<String> plannedNames) {
            Set<String> u = new java.util.HashSet<>(uids);
            u.addAll(plannedUids);
            Set<String> n = new java.util.HashSet<>(names);
            n.addAll(plannedNames);
            return new KnownDatasources(u, n, mode);
        }

        @Override
        public boolean existsByUid(String uid) {
            return uids.contains(uid);
        }

        @Override
        public boolean existsByName(String name) {
            return names.contains(name);
        }
    }

    /** Path uid (PUT) first, then dashboard.uid, else a generated one. */
    private static String resolveUid(String pathUid, JsonNode dashboard) {
        if (dashboard == null || !dashboard.isObject()) {
            throw DomainException.malformed("/dashboard", "dashboard must be a JSON object");
        }
        JsonNode bodyUid = dashboard.get("uid");
        String fromBody = bodyUid != null && bodyUid.isTextual() && !bodyUid.asText().isEmpty() ? bodyUid.asText() : null;
        List<Finding> errors = new ArrayList<>();
        if (pathUid != null) {
            if (!Uid.isValid(pathUid)) {
                errors.add(new Finding("/dashboard/uid", "the uid in the path must be 1-40 characters of [A-Za-z0-9_-]"));
            } else if (fromBody != null && !fromBody.equals(pathUid)) {
                errors.add(new Finding("/dashboard/uid", "dashboard.uid '" + fromBody + "' differs from the uid in the path"));
            }
        } else if (bodyUid != null && !bodyUid.isNull() && !bodyUid.isTextual()) {
            errors.add(new Finding("/dashboard/uid", "uid must be a string"));
        } else if (fromBody != null && !Uid.isValid(fromBody)) {
            errors.add(new Finding("/dashboard/uid", "uid must be 1-40 characters of [A-Za-z0-9_-]"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors, null);
        }
        if (pathUid != null) {
            return pathUid;
        }
        return fromBody != null ? fromBody : Uid.generate();
    }

    private static String title(JsonNode dashboard) {
        JsonNode t = dashboard.get("title");
        return t != null && t.isTextual() ? t.asText() : "";
    }

    private static List<String> tags(JsonNode dashboard) {
        JsonNode t = dashboard.get("tags");
        List<String> tags = new ArrayList<>();
        if (t != null && t.isArray()) {
            t.forEach(n -> {
                if (n.isTextual() && !tags.contains(n.asText())) {
                    tags.add(n.asText());
                }
            });
        }
        return tags;
    }

    private static DomainException notFound(String uid) {
        return DomainException.notFound("dashboard '" + uid + "' does not exist");
    }
}
