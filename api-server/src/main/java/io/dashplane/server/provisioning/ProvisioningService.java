package io.dashplane.server.provisioning;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.provisioning.FileFinding;
import io.dashplane.schema.provisioning.ProviderScan;
import io.dashplane.schema.provisioning.ProvisionedDatasource;
import io.dashplane.schema.provisioning.ProvisioningPlan;
import io.dashplane.schema.provisioning.ProvisioningScanner;
import io.dashplane.schema.validation.Finding;
import io.dashplane.server.alerting.AlertingContent;
import io.dashplane.server.alerting.ImportChange;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.datasource.Datasource;
import io.dashplane.server.datasource.DatasourceRequest;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.provenance.ProvisionedObjects;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Loads a provisioning directory (Grafana's formats, read by {@link ProvisioningScanner}) into the environments
 * it names, all in one write transaction: environments are created as needed; datasources are written by uid (or
 * matched by name), {@code deleteDatasources} and {@code prune} honoured; folders are matched by title path;
 * dashboards are written with provenance {@code file}, left alone when unchanged, and removed when their file
 * disappeared (unless the provider has {@code disableDeletion}). Every provisioned object is recorded in
 * {@link ProvisionedObjects}, which makes it read-only through the API unless the provider allows UI updates
 * (datasources: {@code editable: true}).
 */
public final class ProvisioningService {
    public static final String PROVENANCE_FILE = "file";

    private final Database db;
    private final ObjectMapper mapper;
    private final EnvironmentService environments;
    private final DatasourceService datasources;
    private final FolderService folders;
    private final DashboardService dashboards;
    private final ProvisionedObjects provisioned;
    private final AlertingContent alerting;
    private final ProvisioningScanner scanner = new ProvisioningScanner();
    /** Full loads and provider rescans run one at a time: a rescan never applies a provider a reload replaced. */
    private final java.util.concurrent.locks.ReentrantLock loading = new java.util.concurrent.locks.ReentrantLock();
    /** What the last successful full load read: the source and its dashboard providers. */
    private volatile Loaded loaded;
    /** Dashboard uids per provider (environment + provider name), as last written. */
    private final Map<String, Set<String>> providerDashboards = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Fingerprint (folder uid and SHA-256 of the file's bytes) of what each dashboard's file held when last provisioned,
     * per environment + uid.
     * A rescan leaves a dashboard whose file did not change alone, even when it was changed through the API
     * ({@code allowUiUpdates}), as Grafana does; a full load (start-up, reload) writes the file's content.
     */
    private final Map<String, String> fileFingerprints = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Per provider (environment + provider name): its dashboards as last loaded, by listed file, each with the stamp
     * and content hash of its file; a rescan reads only files whose stamp changed.
     */
    private final Map<String, Map<String, ProvisioningPlan.Dashboard>> providerFiles =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Per provider: a hash of what its files held when last loaded (see {@link #contentFingerprint}). */
    private final Map<String, String> providerContent = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One provider rescan: its result, how many dashboard files it read (the others were unchanged on disk and
     * reused), and whether it opened a write transaction (only when some file's content changed, a file was added or
     * removed, or a dashboard of the provider is missing from the database).
     */
    public record Rescan(ProvisioningResult result, int filesRead, boolean wrote) {
    }

    /** The source and dashboard providers of the last successful full load. */
    public record Loaded(ProvisioningSource source, List<ProvisioningPlan.Provider> providers) {
    }

    public ProvisioningService(Database db, ObjectMapper mapper, EnvironmentService environments,
                               DatasourceService datasources, FolderService folders, DashboardService dashboards,
                               ProvisionedObjects provisioned, AlertingContent alerting) {
        this.db = db;
        this.mapper = mapper;
        this.environments = environments;
        this.datasources = datasources;
        this.folders = folders;
        this.dashboards = dashboards;
        this.provisioned = provisioned;
        this.alerting = alerting;
    }

    /**
     * Scans and loads {@code root}; nothing is written when any file has an error.
     *
     * @throws DomainException (invalid) listing every error as {@code file:line: message}
     */
    public ProvisioningResult load(Path root, Map<String, String> environmentVariables) {
        return load(new ProvisioningSource(root, List.of(), environmentVariables));
    }

    /**
     * Scans and loads the source's directory; nothing is written when any file has an error.
     *
     * @throws DomainException (invalid) listing every error as {@code file:line: message}
     */
    public ProvisioningResult load(ProvisioningSource source) {
        loading.lock();
        try {
            Path root = source.directory();
            ProvisioningPlan plan = scanner.scan(root, source.allowedRoots(), source.variables(), lookupOfExisting());
            List<String> warnings = warningsOrThrow(root, plan);
            Load load = new Load(null, root, plan, warnings, null, null);
            ProvisioningResult result = db.write(tx -> load.in(tx).run());
            providerDashboards.clear();
            providerDashboards.putAll(load.written);
            fileFingerprints.clear();
            fileFingerprints.putAll(load.fingerprints);
            providerFiles.clear();
            providerContent.clear();
            for (ProvisioningPlan.Provider p : plan.providers()) {
                String key = key(p.environment(), List.of(p.provider().name()));
                List<ProvisioningPlan.Dashboard> dashboards = plan.dashboards().stream()
                        .filter(d -> d.environment().equals(p.environment())
                                && d.provider().name().equals(p.provider().name())).toList();
                remember(key, dashboards);
            }
            loaded = new Loaded(source, plan.providers());
            return result;
        } finally {
            loading.unlock();
        }
    }

    /** The last successful full load, or null before the first. */
    public Loaded loaded() {
        return loaded;
    }

    /**
     * Reads one dashboard provider's path again and applies what changed: new and changed dashboard files are
     * written, unchanged ones left alone (no new version), dashboards whose file disappeared deleted unless the
     * provider has {@code disableDeletion}. Skipped (empty result) when a reload replaced the provider meanwhile.
     *
     * @throws DomainException (invalid) when a file of the provider has an error; nothing is written then
     */
    public Optional<ProvisioningResult> rescan(ProvisioningPlan.Provider provider) {
        return rescanProvider(provider).map(Rescan::result);
    }

    /**
     * As {@link #rescan}, telling also how many files were read and whether anything was written. Only files whose
     * {@link io.dashplane.schema.provisioning.FileStamp} changed are read; when the content of every file is as last
     * loaded, no file was added or removed and every dashboard of the provider still exists, no write transaction is
     * opened at all.
     */
    public Optional<Rescan> rescanProvider(ProvisioningPlan.Provider provider) {
        loading.lock();
        try {
            Loaded current = loaded;
            if (current == null || !current.providers().contains(provider)) {
                return Optional.empty();
            }
            Path root = current.source().directory();
            String key = key(provider.environment(), List.of(provider.provider().name()));
            ProviderScan scan = scanner.scanProvider(root, current.source().allowedRoots(), provider.environment(),
                    provider.provider(), provider.providerFile(), provider.pointer(), lookupOfExisting(),
                    providerFiles.getOrDefault(key, Map.of()));
            ProvisioningPlan plan = scan.plan();
            List<String> warnings = warningsOrThrow(root, plan);
            Set<String> before = providerDashboards.getOrDefault(key, Set.of());
            if (contentFingerprint(plan.dashboards()).equals(providerContent.get(key))
                    && allExist(provider.environment(), before)) {
                remember(key, plan.dashboards());
                Map<String, Map<String, Integer>> counts = new TreeMap<>();
                if (!plan.folders().isEmpty()) {
                    counts.put("folder", Map.of("unchanged", plan.folders().size()));
                }
                if (!plan.dashboards().isEmpty()) {
                    counts.put("dashboard", Map.of("unchanged", plan.dashboards().size()));
                }
                return Optional.of(new Rescan(new ProvisioningResult(root.toString(), List.of(), counts, warnings),
                        scan.filesRead(), false));
            }
            Load load = new Load(null, root, plan, warnings, provider.environment(), before);
            load.stubs.addAll(providerFiles.getOrDefault(key, Map.of()).values());
            ProvisioningResult result;
            try {
                result = db.write(tx -> load.in(tx).run());
            } catch (StubNeedsReading e) {
                // a reused file must be written (its dashboard was deleted, its folder changed): read them all
                scan = scanner.scanProvider(root, current.source().allowedRoots(), provider.environment(),
                        provider.provider(), provider.providerFile(), provider.pointer(), lookupOfExisting(), Map.of());
                plan = scan.plan();
                warnings = warningsOrThrow(root, plan);
                Load full = new Load(null, root, plan, warnings, provider.environment(), before);
                result = db.write(tx -> full.in(tx).run());
                load.written.clear();
                load.written.putAll(full.written);
                load.fingerprints.clear();
                load.fingerprints.putAll(full.fingerprints);
            }
            before.forEach(uid -> fileFingerprints.remove(provider.environment() + "\u0000" + uid));
            providerDashboards.put(key, load.written.getOrDefault(key, Set.of()));
            fileFingerprints.putAll(load.fingerprints);
            remember(key, plan.dashboards());
            return Optional.of(new Rescan(result, scan.filesRead(), true));
        } finally {
            loading.unlock();
        }
    }

    /**
     * Records a provider's dashboards as loaded: the files a rescan may skip and the hash of their content. Only a
     * stub of each dashboard's JSON is kept (its uid), not the parsed document: a thousand large dashboards would
     * otherwise hold a few hundred MB of heap for good. A rescan that must write a reused file reads them all again.
     */
    private void remember(String key, List<ProvisioningPlan.Dashboard> dashboards) {
        Map<String, ProvisioningPlan.Dashboard> byFile = new HashMap<>();
        dashboards.forEach(d -> byFile.put(d.source().path(), stub(d)));
        providerFiles.put(key, Map.copyOf(byFile));
        providerContent.put(key, contentFingerprint(dashboards));
    }

    private ProvisioningPlan.Dashboard stub(ProvisioningPlan.Dashboard d) {
        ObjectNode uidOnly = mapper.createObjectNode();
        if (d.dashboard().path("uid").isTextual()) {
            uidOnly.put("uid", d.dashboard().path("uid").asText());
        }
        return new ProvisioningPlan.Dashboard(d.environment(), d.provider(), d.file(), d.folderPath(), d.folderUid(),
                uidOnly, d.source());
    }

    /** Thrown inside a rescan's transaction (rolling it back) when a reused dashboard, a stub, would be written. */
    private static final class StubNeedsReading extends RuntimeException {
        StubNeedsReading() {
            super(null, null, false, false);
        }
    }

    /**
     * A hash of which files a provider loads into which folder and what they hold (the SHA-256 of each file's bytes):
     * touching a file changes its stamp, so it is read again, but not this hash, so nothing is written.
     */
    private static String contentFingerprint(List<ProvisioningPlan.Dashboard> dashboards) {
        StringBuilder text = new StringBuilder();
        dashboards.stream().map(d -> d.environment() + "\u0000" + d.file() + "\u0000" + String.join("/", d.folderPath())
                        + "\u0000" + d.folderUid() + "\u0000" + d.source().sha256())
                .sorted().forEach(line -> text.append(line).append('\n'));
        return sha256(text.toString());
    }

    /** Whether every dashboard uid still exists (one deleted through the API is put back by the write path). */
    private boolean allExist(String env, Set<String> uids) {
        if (uids.isEmpty()) {
            return true;
        }
        return db.read(tx -> uids.stream()
                .allMatch(uid -> dashboards.currentVersionInTransaction(tx, env, uid).isPresent()));
    }

    private List<String> warningsOrThrow(Path root, ProvisioningPlan plan) {
        List<String> warnings = new ArrayList<>();
        List<Finding> errors = new ArrayList<>();
        String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
        for (FileFinding f : plan.findings()) {
            // files are named relative to the provisioning root in messages
            String message = f.format().startsWith(prefix) ? f.format().substring(prefix.length()) : f.format();
            message = message.replace("(first at " + prefix, "(first at ");
            if (f.isError()) {
                errors.add(new Finding("", message));
            } else {
                warnings.add(message);
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors, Map.of("directory", root.toString()));
        }
        return warnings;
    }

    /** Datasources of every environment already in the database (a provisioned dashboard may use them). */
    private DatasourceLookup lookupOfExisting() {
        DatasourceService.UidsAndNames existing = datasources.uidsAndNamesOfEveryEnvironment();
        return new DatasourceLookup() {
            @Override
            public boolean existsByUid(String uid) {
                return existing.uids().contains(uid);
            }

            @Override
            public boolean existsByName(String name) {
                return existing.names().contains(name);
            }
        };
    }

    private final class Load {
        DSLContext tx;
        AuditRecorder audit;
        final Path root;
        final ProvisioningPlan plan;
        final List<String> warnings;
        /** null for a full load; for a provider rescan its environment and the dashboards it wrote before */
        final String rescannedEnv;
        final Set<String> rescanned;
        final List<String> created = new ArrayList<>();
        final Map<String, Map<String, Integer>> counts = new TreeMap<>();
        /** dashboard uids per provider written by this load */
        final Map<String, Set<String>> written = new HashMap<>();
        final Map<String, String> fingerprints = new HashMap<>();
        /** dashboards of a rescan reused from the previous one: JSON stubs, never to be written */
        final Set<ProvisioningPlan.Dashboard> stubs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Load(DSLContext tx, Path root, ProvisioningPlan plan, List<String> warnings, String rescannedEnv,
             Set<String> rescanned) {
            this.rescannedEnv = rescannedEnv;
            this.tx = tx;
            this.root = root;
            this.plan = plan;
            this.warnings = warnings;
            this.rescanned = rescanned;
        }

        /** Runs in {@code transaction} (a retry of the write gets a fresh state). */
        Load in(DSLContext transaction) {
            this.tx = transaction;
            this.audit = AuditRecorder.of(transaction);
            created.clear();
            counts.clear();
            written.clear();
            fingerprints.clear();
            return this;
        }

        ProvisioningResult run() {
            Set<String> named = new java.util.TreeSet<>();
            plan.datasources().forEach(d -> named.add(d.environment()));
            plan.datasourceDeletions().forEach(d -> named.add(d.environment()));
            named.addAll(plan.pruneEnvironments());
            plan.folders().forEach(f -> named.add(f.environment()));
            plan.dashboards().forEach(d -> named.add(d.environment()));
            plan.alerting().forEach(a -> named.add(a.environment()));
            for (String env : named) {
                if (environments.createIfAbsentInTransaction(tx, audit, env, "Created by file provisioning")) {
                    created.add(env);
                }
            }
            loadDatasources();
            Map<String, String> folderUids = loadFolders();
            loadDashboards(folderUids);
            loadAlerting();
            return new ProvisioningResult(root.toString(), created, counts, warnings);
        }

        void loadDatasources() {
            for (ProvisioningPlan.DatasourceDeletionRequest d : plan.datasourceDeletions()) {
                String env = d.environment();
                Optional<Datasource> existing = datasources.findByNameInTransaction(tx, env, d.deletion().name());
                if (existing.isPresent()) {
                    datasources.deleteInTransaction(tx, audit, env, existing.get().uid());
                    provisioned.remove(tx, env, KIND_DATASOURCE, existing.get().uid());
                    count("datasource", "deleted");
                }
            }
            Map<String, Set<String>> kept = new HashMap<>();
            for (ProvisioningPlan.Datasource p : plan.datasources()) {
                String env = p.environment();
                ProvisionedDatasource ds = p.datasource();
                String uid = ds.uid() != null ? ds.uid()
                        : datasources.findByNameInTransaction(tx, env, ds.name()).map(Datasource::uid)
                        .orElseGet(() -> stableUid(env, "datasource:" + ds.name()));
                kept.computeIfAbsent(env, e -> new HashSet<>()).add(uid);
                Optional<Datasource> before = datasources.findInTransaction(tx, env, uid);
                Map<String, String> secrets = ds.effectiveSecureJsonData();
                DatasourceRequest request = new DatasourceRequest(uid, ds.name(), ds.type(), ds.access(), ds.url(),
                        ds.basicAuth(), ds.basicAuthUser(), ds.user(), ds.database(), ds.withCredentials(), ds.isDefault(),
                        !Boolean.TRUE.equals(ds.editable()),
                        ds.jsonData() instanceof ObjectNode o ? o : null, secrets, null);
                boolean same = before.isPresent() && sameDatasource(env, before.get(), request);
                if (!same) {
                    datasources.writeInTransaction(tx, audit, env, uid, request);
                }
                provisioned.put(tx, new ProvisionedObjects.Entry(env, KIND_DATASOURCE, uid, p.file(),
                        Boolean.TRUE.equals(ds.editable()), false));
                count("datasource", before.isEmpty() ? "created" : same ? "unchanged" : "updated");
            }
            for (String env : plan.pruneEnvironments()) {
                for (ProvisionedObjects.Entry e : provisioned.list(tx)) {
                    if (e.env().equals(env) && e.kind().equals(KIND_DATASOURCE)
                            && !kept.getOrDefault(env, Set.of()).contains(e.uid())) {
                        datasources.deleteInTransaction(tx, audit, env, e.uid());
                        provisioned.remove(tx, env, KIND_DATASOURCE, e.uid());
                        count("datasource", "deleted");
                    }
                }
            }
        }

        boolean sameDatasource(String env, Datasource current, DatasourceRequest r) {
            Datasource wanted = new Datasource(current.uid(), r.name(), r.type(), r.access() == null ? "proxy" : r.access(),
                    orEmpty(r.url()), Boolean.TRUE.equals(r.basicAuth()), orEmpty(r.basicAuthUser()), orEmpty(r.user()),
                    orEmpty(r.database()), Boolean.TRUE.equals(r.withCredentials()), Boolean.TRUE.equals(r.isDefault()),
                    Boolean.TRUE.equals(r.readOnly()),
                    r.jsonData() == null ? mapper.createObjectNode() : r.jsonData(),
                    current.secureJsonFields(), current.version(), current.createdAt(), current.updatedAt());
            return wanted.equals(current)
                    && datasources.decryptSecrets(env, current.uid()).equals(r.secureJsonData());
        }

        /** Folder uid per environment + title path. */
        Map<String, String> loadFolders() {
            Map<String, String> uids = new HashMap<>();
            for (ProvisioningPlan.Folder f : plan.folders()) {
                String env = f.environment();
                String parentUid = f.path().size() == 1 ? null
                        : uids.get(key(env, f.path().subList(0, f.path().size() - 1)));
                String uid = f.uid();
                if (uid == null) {
                    uid = folders.uidByTitleInTransaction(tx, env, parentUid, f.title())
                            .orElseGet(() -> stableUid(env, "folder:" + String.join("/", f.path())));
                }
                var existing = folders.findInTransaction(tx, env, uid);
                if (existing.isEmpty() || !existing.get().title().equals(f.title())
                        || !java.util.Objects.equals(existing.get().parentUid(), parentUid)) {
                    folders.writeInTransaction(tx, audit, env, uid, f.title(), parentUid);
                    count("folder", existing.isEmpty() ? "created" : "updated");
                } else {
                    count("folder", "unchanged");
                }
                uids.put(key(env, f.path()), uid);
            }
            return uids;
        }

        void loadDashboards(Map<String, String> folderUids) {
            Map<String, Set<String>> kept = new HashMap<>();
            for (ProvisioningPlan.Dashboard d : plan.dashboards()) {
                String env = d.environment();
                JsonNode json = d.dashboard();
                String uid = json.path("uid").isTextual() && !json.path("uid").asText().isEmpty()
                        ? json.path("uid").asText() : stableUid(env, "dashboard:" + d.file());
                String folderUid = d.folderPath().isEmpty() ? null : folderUids.get(key(env, d.folderPath()));
                kept.computeIfAbsent(env, e -> new HashSet<>()).add(uid);
                written.computeIfAbsent(key(env, List.of(d.provider().name())), k -> new HashSet<>()).add(uid);
                if (rescanned != null && !rescanned.contains(uid)) {
                    provisioned.find(tx, env, KIND_DASHBOARD, uid).ifPresent(other -> {
                        throw DomainException.invalid(List.of(new Finding("", d.file() + ": duplicate dashboard uid '"
                                + uid + "' in environment '" + env + "' (provisioned from " + other.file() + ")")),
                                Map.of());
                    });
                }
                // the file's bytes, hashed when read, stand for its JSON: no need to serialise it again
                String fingerprint = sha256(folderUid + "\u0000" + d.source().sha256());
                fingerprints.put(env + "\u0000" + uid, fingerprint);
                boolean fileUnchanged = rescanned != null
                        && fingerprint.equals(fileFingerprints.get(env + "\u0000" + uid))
                        && dashboards.currentVersionInTransaction(tx, env, uid).isPresent();
                if (!fileUnchanged && stubs.contains(d)) {
                    throw new StubNeedsReading();
                }
                Optional<StoredDashboard> current = fileUnchanged ? Optional.empty()
                        : dashboards.findInTransaction(tx, env, uid);
                boolean same = fileUnchanged || current.isPresent() && PROVENANCE_FILE.equals(current.get().provenance())
                        && java.util.Objects.equals(current.get().folderUid(), folderUid)
                        && parse(current.get().json()).equals(json);
                if (same) {
                    count("dashboard", "unchanged");
                } else {
                    dashboards.writeInTransaction(tx, audit, env, uid,
                            new DashboardWrite(json, folderUid, "Provisioned from " + d.file(), ExpectedVersion.NONE),
                            PROVENANCE_FILE);
                    count("dashboard", current.isEmpty() ? "created" : "updated");
                }
                var provider = d.provider();
                provisioned.put(tx, new ProvisionedObjects.Entry(env, KIND_DASHBOARD, uid, d.file(),
                        Boolean.TRUE.equals(provider.allowUiUpdates()), Boolean.TRUE.equals(provider.disableDeletion())));
            }
            for (ProvisionedObjects.Entry e : provisioned.list(tx)) {
                boolean inScope = rescanned == null || e.env().equals(rescannedEnv) && rescanned.contains(e.uid());
                if (inScope && e.kind().equals(KIND_DASHBOARD) && !kept.getOrDefault(e.env(), Set.of()).contains(e.uid())) {
                    provisioned.remove(tx, e.env(), e.kind(), e.uid());
                    if (!e.disableDeletion() && dashboards.currentVersionInTransaction(tx, e.env(), e.uid()).isPresent()) {
                        dashboards.deleteInTransaction(tx, audit, e.env(), e.uid());
                        count("dashboard", "deleted");
                    }
                }
            }
        }

        /** Alerting files through the alerting import; written objects become provisioned (read-only). */
        void loadAlerting() {
            for (ProvisioningPlan.Alerting a : plan.alerting()) {
                for (ImportChange change : alerting.provision(tx, audit, a.environment(), a.content())) {
                    if (!ALERTING_KINDS.contains(change.kind())) {
                        continue;
                    }
                    if (change.action().equals("deleted")) {
                        provisioned.remove(tx, a.environment(), change.kind(), change.id());
                    } else {
                        provisioned.put(tx, new ProvisionedObjects.Entry(a.environment(), change.kind(), change.id(),
                                a.file(), false, false));
                    }
                    count(change.kind(), change.action());
                }
            }
        }

        void count(String kind, String what) {
            counts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(what, 1, Integer::sum);
        }

        JsonNode parse(String json) {
            try {
                return mapper.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt stored dashboard", e);
            }
        }
    }

    public static final String KIND_DATASOURCE = "datasource";
    public static final String KIND_DASHBOARD = "dashboard";
    /** Alerting kinds as the alerting import names them, also used as provisioned object kinds. */
    public static final Set<String> ALERTING_KINDS = Set.of("alert-rule", "rule-group", "contact-point", "mute-timing",
            "template", "notification-policy");

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String key(String env, List<String> path) {
        return env + "\u0000" + String.join("\u0000", path);
    }

    /** A uid that stays the same across reloads for an object the files give no uid. */
    static String stableUid(String env, String identity) {
        return "p" + sha256(env + "\u0000" + identity).substring(0, 15);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
