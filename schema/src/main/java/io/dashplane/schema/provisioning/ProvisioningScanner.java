package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.NotificationLookup;
import io.dashplane.schema.alerting.provisioning.ProvisionedRule;
import io.dashplane.schema.alerting.provisioning.ProvisionedRuleGroup;
import io.dashplane.schema.alerting.provisioning.ProvisioningFileValidator;
import io.dashplane.schema.dashboard.DashboardModel;
import io.dashplane.schema.dashboard.DashboardValidator;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a provisioning root laid out as Grafana's ({@code datasources/}, {@code dashboards/}, {@code alerting/},
 * each holding {@code *.yaml}/{@code *.yml}) into a {@link ProvisioningPlan}. A dashboard provider path is absolute
 * (Grafana's {@code /var/lib/grafana/dashboards}) or relative to the provisioning root; its real path (symbolic links
 * resolved) must lie inside the provisioning root or one of the extra allowed roots, and so must every dashboard file.
 * Uids and names must be unique per environment across all files.
 */
public final class ProvisioningScanner {
    public static final List<String> ACCESS_MODES = List.of("proxy", "direct");

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final JsonFactory YAML_FACTORY = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();

    private final DashboardValidator dashboardValidator = new DashboardValidator();
    private final ProvisioningFileValidator alertingValidator = new ProvisioningFileValidator();
    private final java.time.Duration racyWindow;

    public ProvisioningScanner() {
        this(FileStamp.RACY_WINDOW);
    }

    /**
     * @param racyWindow how long after its last modification a file's stamp is not trusted by a rescan
     *                   ({@link FileStamp#RACY_WINDOW}; tests that set modification times may use zero)
     */
    public ProvisioningScanner(java.time.Duration racyWindow) {
        this.racyWindow = racyWindow;
    }

    /**
     * @param root     the provisioning directory
     * @param env      environment variables for {@code $VAR} expansion
     * @param existing datasources that exist beside the provisioned ones (the server's); null for offline use,
     *                 where an environment that provisions no datasources is assumed to have every datasource
     */
    public ProvisioningPlan scan(Path root, Map<String, String> env, DatasourceLookup existing) {
        return scan(root, List.of(), env, existing);
    }

    /**
     * @param allowedRoots directories besides {@code root} that dashboard provider paths may lead into
     */
    public ProvisioningPlan scan(Path root, List<Path> allowedRoots, Map<String, String> env, DatasourceLookup existing) {
        return new Run(root, allowedRoots, env, existing).scan();
    }

    /**
     * Only the dashboards of one provider (for a periodic rescan of its path): folders and dashboards, checked as
     * in a full scan. {@code providerFile} names the provider's file in findings.
     */
    public ProvisioningPlan scanProvider(Path root, List<Path> allowedRoots, String environment, DashboardProvider provider,
                                         Path providerFile, String pointer, DatasourceLookup existing) {
        return scanProvider(root, allowedRoots, environment, provider, providerFile, pointer, existing, Map.of()).plan();
    }

    /**
     * As {@link #scanProvider(Path, List, String, DashboardProvider, Path, String, DatasourceLookup)}, but a dashboard
     * file whose {@link FileStamp} equals the one in {@code previous} (keyed by {@link DashboardSource#path()}) and was
     * settled when read is not read again: its dashboard and warnings are taken from {@code previous}. The tree is
     * still listed (added and removed files), every file's real path still checked against the allowed roots, and
     * uids still checked for duplicates. An unchanged file is not validated again, so a datasource it names that
     * disappeared meanwhile is reported by the next full load, not by the rescan (Grafana does not revalidate either).
     */
    public ProviderScan scanProvider(Path root, List<Path> allowedRoots, String environment, DashboardProvider provider,
                                     Path providerFile, String pointer, DatasourceLookup existing,
                                     Map<String, ProvisioningPlan.Dashboard> previous) {
        Run run = new Run(root, allowedRoots, Map.of(), existing);
        run.previous = previous;
        if (run.realRoot == null) {
            run.findings.add(FileFinding.at(root.toString(), "", "is not a readable directory"));
        } else {
            // its text (when still there) locates findings of the provider by line; the provider itself is the one
            // of the last load, so a changed or removed provider file does not stop its rescans (as in Grafana)
            try {
                run.texts.put(run.display(providerFile), Files.readString(providerFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // no lines then
            }
            run.provider(providerFile, pointer, environment, provider);
        }
        return new ProviderScan(run.plan(), run.filesRead, run.filesReused);
    }

    private final class Run {
        final Path root;
        final Path realRoot;
        /** the real paths of the provisioning root and the extra allowed roots that exist */
        final List<Path> realAllowedRoots = new ArrayList<>();
        final List<String> allowedRootNames = new ArrayList<>();
        final Map<String, String> env;
        final DatasourceLookup existing;
        final List<FileFinding> findings = new ArrayList<>();
        final List<ProvisioningPlan.Datasource> datasources = new ArrayList<>();
        final List<ProvisioningPlan.DatasourceDeletionRequest> deletions = new ArrayList<>();
        final Set<String> prune = new TreeSet<>();
        final Map<String, ProvisioningPlan.Folder> folders = new LinkedHashMap<>();
        final List<ProvisioningPlan.Dashboard> dashboards = new ArrayList<>();
        final List<ProvisioningPlan.Alerting> alerting = new ArrayList<>();
        final List<ProvisioningPlan.Provider> providers = new ArrayList<>();
        /** environment + kind + key -> file#pointer of the first occurrence */
        final Map<String, String> seen = new HashMap<>();
        /** file as displayed -> its text, to find the line of a pointer */
        final Map<String, String> texts = new HashMap<>();
        /** dashboards of the previous scan by listed file, reused while their file is unchanged */
        Map<String, ProvisioningPlan.Dashboard> previous = Map.of();
        int filesRead;
        int filesReused;

        Run(Path root, List<Path> allowedRoots, Map<String, String> env, DatasourceLookup existing) {
            this.root = root;
            this.env = env;
            this.existing = existing;
            this.realRoot = realPathOrNull(root);
            allowedRootNames.add(root.toString());
            if (realRoot != null) {
                realAllowedRoots.add(realRoot);
            }
            for (Path extra : allowedRoots) {
                allowedRootNames.add(extra.toString());
                Path real = realPathOrNull(extra);
                if (real != null && Files.isDirectory(real)) {
                    realAllowedRoots.add(real);
                }
            }
        }

        boolean allowed(Path realPath) {
            return realAllowedRoots.stream().anyMatch(realPath::startsWith);
        }

        String allowedRootsText() {
            return "the provisioning root " + allowedRootNames.get(0) + (allowedRootNames.size() == 1 ? ""
                    : " and " + String.join(", ", allowedRootNames.subList(1, allowedRootNames.size())));
        }

        ProvisioningPlan scan() {
            if (realRoot == null || !Files.isDirectory(realRoot)) {
                findings.add(FileFinding.at(root.toString(), "", "is not a readable directory"));
                return plan();
            }
            for (Path file : configFiles("datasources")) {
                datasourcesFile(file);
            }
            for (Path file : configFiles("dashboards")) {
                dashboardsFile(file);
            }
            for (Path file : configFiles("alerting")) {
                alertingFile(file);
            }
            return plan();
        }

        ProvisioningPlan plan() {
            return new ProvisioningPlan(datasources, deletions, List.copyOf(prune), List.copyOf(folders.values()),
                    dashboards, alerting, providers, findings.stream().map(this::withLine).toList());
        }

        /** A finding located by pointer also gets the line of that key, so that every message reads file:line. */
        FileFinding withLine(FileFinding f) {
            String text = texts.get(f.file());
            if (f.line() > 0 || f.pointer() == null || f.pointer().isEmpty() || text == null) {
                return f;
            }
            JsonFactory factory = f.file().endsWith(".json") ? JSON_FACTORY : YAML_FACTORY;
            int line = KeyLines.lineOfPointer(factory, text, f.pointer());
            return line > 0 ? f.withLine(line) : f;
        }

        List<Path> configFiles(String dir) {
            Path directory = root.resolve(dir);
            if (!Files.isDirectory(directory)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(directory)) {
                return files.filter(f -> {
                    String name = f.getFileName().toString();
                    return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(f);
                }).sorted().filter(this::insideRoot).toList();
            } catch (IOException e) {
                findings.add(FileFinding.at(display(directory), "", "cannot be listed: " + e.getMessage()));
                return List.of();
            }
        }

        boolean insideRoot(Path file) {
            try {
                if (file.toRealPath().startsWith(realRoot)) {
                    return true;
                }
                findings.add(FileFinding.at(display(file), "", "is a symbolic link to a file outside the provisioning root"));
            } catch (IOException e) {
                findings.add(FileFinding.at(display(file), "", "cannot be read: " + e.getMessage()));
            }
            return false;
        }

        boolean insideAllowedRoots(Path file) {
            try {
                if (allowed(file.toRealPath())) {
                    return true;
                }
                findings.add(FileFinding.at(display(file), "", "is a symbolic link to a file outside the allowed roots ("
                        + allowedRootsText() + ")"));
            } catch (IOException e) {
                findings.add(FileFinding.at(display(file), "", "cannot be read: " + e.getMessage()));
            }
            return false;
        }

        /** Relative to the provisioning root when inside it, else the absolute path. */
        String relative(Path file) {
            Path normalized = file.toAbsolutePath().normalize();
            Path normalRoot = root.toAbsolutePath().normalize();
            Path named = normalized.startsWith(normalRoot) ? normalRoot.relativize(normalized) : normalized;
            return named.toString().replace('\\', '/');
        }

        String display(Path file) {
            return file.toString();
        }

        String read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                texts.put(display(file), text);
                return text;
            } catch (IOException e) {
                findings.add(FileFinding.at(display(file), "", "cannot be read: " + e.getMessage()));
                return null;
            }
        }

        void error(Path file, String pointer, String message) {
            findings.add(FileFinding.at(display(file), pointer, message));
        }

        void unique(String environment, String kind, String key, Path file, String pointer) {
            String first = seen.putIfAbsent(environment + "\u0000" + kind + "\u0000" + key, display(file) + "#" + pointer);
            if (first != null) {
                error(file, pointer, "duplicate " + kind + " '" + key + "' in environment '" + environment
                        + "' (first at " + first + ")");
            }
        }

        void apiVersion(Integer apiVersion, Path file) {
            if (apiVersion != null && apiVersion != 1) {
                error(file, "/apiVersion", "apiVersion " + apiVersion + " is not supported; use 1");
            }
        }

        void datasourcesFile(Path file) {
            String text = read(file);
            if (text == null) {
                return;
            }
            DatasourcesFile parsed;
            try {
                parsed = ProvisioningReader.readDatasources(display(file), text, env);
            } catch (ProvisioningParseException e) {
                findings.add(e.finding());
                return;
            }
            apiVersion(parsed.apiVersion(), file);
            String environment = ProvisioningReader.environment(parsed.environment());
            List<ProvisionedDatasource> list = parsed.datasources() == null ? List.of() : parsed.datasources();
            for (int i = 0; i < list.size(); i++) {
                ProvisionedDatasource ds = list.get(i);
                String p = "/datasources/" + i;
                if (ds == null) {
                    error(file, p, "a datasource must be an object");
                    continue;
                }
                if (blank(ds.name())) {
                    error(file, p + "/name", "name is required");
                } else {
                    unique(environment, "datasource name", ds.name(), file, p + "/name");
                }
                if (blank(ds.type())) {
                    error(file, p + "/type", "type is required");
                }
                if (ds.uid() != null) {
                    String problem = Uid.problem(ds.uid());
                    if (problem != null) {
                        error(file, p + "/uid", problem);
                    } else {
                        unique(environment, "datasource uid", ds.uid(), file, p + "/uid");
                    }
                }
                if (ds.access() != null && !ACCESS_MODES.contains(ds.access())) {
                    error(file, p + "/access", "access must be proxy or direct");
                }
                if (Boolean.TRUE.equals(ds.isDefault())) {
                    unique(environment, "default datasource of org " + (ds.orgId() == null ? 1 : ds.orgId()), "isDefault",
                            file, p + "/isDefault");
                }
                for (String deprecated : deprecatedSecrets(ds)) {
                    findings.add(FileFinding.warningAt(display(file), p + "/" + deprecated,
                            deprecated + " is deprecated; put it in secureJsonData." + deprecated));
                }
                if (ds.jsonData() != null && !ds.jsonData().isObject()) {
                    error(file, p + "/jsonData", "jsonData must be an object");
                }
                datasources.add(new ProvisioningPlan.Datasource(environment, relative(file), p, ds));
            }
            List<DatasourceDeletion> deleteList = parsed.deleteDatasources() == null ? List.of() : parsed.deleteDatasources();
            for (int i = 0; i < deleteList.size(); i++) {
                DatasourceDeletion deletion = deleteList.get(i);
                if (deletion == null || blank(deletion.name())) {
                    error(file, "/deleteDatasources/" + i + "/name", "name is required");
                    continue;
                }
                deletions.add(new ProvisioningPlan.DatasourceDeletionRequest(environment, relative(file), deletion));
            }
            if (Boolean.TRUE.equals(parsed.prune())) {
                prune.add(environment);
            }
        }

        void dashboardsFile(Path file) {
            String text = read(file);
            if (text == null) {
                return;
            }
            DashboardsFile parsed;
            try {
                parsed = ProvisioningReader.readDashboards(display(file), text, env);
            } catch (ProvisioningParseException e) {
                findings.add(e.finding());
                return;
            }
            apiVersion(parsed.apiVersion(), file);
            String environment = ProvisioningReader.environment(parsed.environment());
            List<DashboardProvider> providers = parsed.providers() == null ? List.of() : parsed.providers();
            for (int i = 0; i < providers.size(); i++) {
                provider(file, "/providers/" + i, environment, providers.get(i));
            }
        }

        void provider(Path file, String p, String environment, DashboardProvider provider) {
            if (provider == null) {
                error(file, p, "a provider must be an object");
                return;
            }
            if (blank(provider.name())) {
                error(file, p + "/name", "name is required");
            } else {
                unique(environment, "dashboard provider", provider.name(), file, p + "/name");
            }
            if (provider.type() != null && !provider.type().equals("file")) {
                error(file, p + "/type", "type must be file");
            }
            if (provider.folderUid() != null && Uid.problem(provider.folderUid()) != null) {
                error(file, p + "/folderUid", Uid.problem(provider.folderUid()));
            }
            if (provider.updateIntervalSeconds() != null && provider.updateIntervalSeconds() < 0) {
                error(file, p + "/updateIntervalSeconds", "updateIntervalSeconds must not be negative");
            }
            boolean fromFiles = provider.foldersFromFilesStructure();
            if (fromFiles && (!blank(provider.folder()) || provider.folderUid() != null)) {
                error(file, p + "/options/foldersFromFilesStructure",
                        "foldersFromFilesStructure cannot be combined with folder or folderUid");
                return;
            }
            if (provider.options() == null || blank(provider.options().path())) {
                error(file, p + "/options/path", "options.path is required");
                return;
            }
            Path dir = dashboardDirectory(file, p + "/options/path", provider.options().path());
            if (dir == null) {
                return;
            }
            providers.add(new ProvisioningPlan.Provider(environment, file, p, provider));
            List<String> providerFolder = blank(provider.folder()) ? List.of() : List.of(provider.folder());
            if (!providerFolder.isEmpty()) {
                folder(environment, providerFolder, provider.folderUid(), file, p + "/folderUid");
            }
            for (Path json : dashboardFiles(dir, file, p)) {
                List<String> folderPath = providerFolder;
                if (fromFiles) {
                    folderPath = new ArrayList<>();
                    Path parent = dir.relativize(json).getParent();
                    if (parent != null) {
                        for (Path part : parent) {
                            folderPath.add(part.toString());
                        }
                    }
                    for (int depth = 1; depth <= folderPath.size(); depth++) {
                        folder(environment, folderPath.subList(0, depth), null, file, p);
                    }
                }
                dashboard(environment, provider, json, folderPath, providerFolder.isEmpty() ? null : provider.folderUid());
            }
        }

        void folder(String environment, List<String> path, String uid, Path file, String pointer) {
            String key = environment + "\u0000" + String.join("\u0000", path);
            ProvisioningPlan.Folder existingFolder = folders.get(key);
            if (existingFolder == null) {
                if (uid != null) {
                    unique(environment, "folder uid", uid, file, pointer);
                }
                folders.put(key, new ProvisioningPlan.Folder(environment, path, uid));
            } else if (uid != null && existingFolder.uid() != null && !uid.equals(existingFolder.uid())) {
                error(file, pointer, "folder '" + String.join("/", path) + "' already has folderUid '"
                        + existingFolder.uid() + "' from another provider");
            } else if (uid != null && existingFolder.uid() == null) {
                folders.put(key, new ProvisioningPlan.Folder(environment, path, uid));
            }
        }

        /**
         * The real directory of a provider path: absolute as given, relative against the provisioning root (Grafana
         * resolves relative paths against its working directory; a server's working directory is an accident of how
         * it was started, the provisioning root is not). It must lie inside an allowed root after resolving links.
         */
        Path dashboardDirectory(Path file, String pointer, String path) {
            Path given = Path.of(path);
            Path resolved = (given.isAbsolute() ? given : root.resolve(given)).normalize();
            if (!Files.isDirectory(resolved)) {
                error(file, pointer, "path '" + path + "' is not a directory" + (given.isAbsolute() ? ""
                        : " (relative paths are resolved against the provisioning root: " + resolved + ")"));
                return null;
            }
            Path real;
            try {
                real = resolved.toRealPath();
            } catch (IOException e) {
                error(file, pointer, "path '" + path + "' cannot be read: " + e.getMessage());
                return null;
            }
            if (!allowed(real)) {
                error(file, pointer, "path '" + path + "' (" + real + ") is outside the allowed roots ("
                        + allowedRootsText() + "); allow its directory with provisioning.allowedRoots, "
                        + "DASHPLANE_PROVISIONING_ALLOWED_ROOTS or --provisioning-allowed-root");
                return null;
            }
            // inside the provisioning root: named from the root as given, so that files read relative to it
            return real.startsWith(realRoot) ? root.resolve(realRoot.relativize(real).toString()) : real;
        }

        List<Path> dashboardFiles(Path dir, Path providerFile, String pointer) {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                        .sorted().filter(this::insideAllowedRoots).toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                error(providerFile, pointer + "/options/path", "cannot be listed: " + e.getMessage());
                return List.of();
            }
        }

        void dashboard(String environment, DashboardProvider provider, Path file, List<String> folderPath, String folderUid) {
            Instant readAt = Instant.now();
            FileStamp stamp;
            try {
                stamp = FileStamp.of(file);
            } catch (IOException e) {
                findings.add(FileFinding.at(display(file), "", "cannot be read: " + e.getMessage()));
                return;
            }
            ProvisioningPlan.Dashboard last = previous.get(display(file));
            if (last != null && last.source().unchangedAt(stamp, racyWindow) && last.environment().equals(environment)
                    && last.provider().equals(provider) && last.folderPath().equals(folderPath)
                    && Objects.equals(last.folderUid(), folderUid)) {
                filesReused++;
                findings.addAll(last.source().findings());
                uniqueUid(environment, last.dashboard(), file);
                dashboards.add(last);
                return;
            }
            String text = read(file);
            if (text == null) {
                return;
            }
            filesRead++;
            JsonNode dashboard;
            try {
                dashboard = ProvisioningReader.readDashboardJson(display(file), text);
            } catch (ProvisioningParseException e) {
                findings.add(e.finding());
                return;
            }
            List<FileFinding> found = new ArrayList<>();
            if (DashboardModel.uid(dashboard) == null) {
                found.add(FileFinding.warningAt(display(file), "/uid",
                        "dashboard has no uid; it gets a new one wherever it is loaded"));
            }
            ValidationReport report = dashboardValidator.validate(dashboard, "", lookupFor(environment));
            for (Finding f : report.errors()) {
                found.add(FileFinding.at(display(file), f.pointer(), f.message()));
            }
            for (Finding f : report.warnings()) {
                found.add(FileFinding.warningAt(display(file), f.pointer(), f.message()));
            }
            findings.addAll(found);
            uniqueUid(environment, dashboard, file);
            DashboardSource source = new DashboardSource(display(file), stamp, readAt, sha256(text), found);
            dashboards.add(new ProvisioningPlan.Dashboard(environment, provider, relative(file), folderPath, folderUid,
                    dashboard, source));
        }

        void uniqueUid(String environment, JsonNode dashboard, Path file) {
            String uid = DashboardModel.uid(dashboard);
            if (uid != null && Uid.problem(uid) == null) {
                unique(environment, "dashboard uid", uid, file, "/uid");
            }
        }

        void alertingFile(Path file) {
            String text = read(file);
            if (text == null) {
                return;
            }
            AlertingFile parsed;
            try {
                parsed = ProvisioningReader.readAlerting(display(file), text, env);
            } catch (ProvisioningParseException e) {
                findings.add(e.finding());
                return;
            }
            if (parsed.content() == null) {
                return;
            }
            String environment = ProvisioningReader.environment(parsed.environment());
            addReport(file, alertingValidator.validate(parsed.content(), "", lookupFor(environment), NotificationLookup.ANY));
            List<ProvisionedRuleGroup> groups = parsed.content().groups() == null ? List.of() : parsed.content().groups();
            for (int g = 0; g < groups.size(); g++) {
                List<ProvisionedRule> rules = groups.get(g) == null || groups.get(g).rules() == null
                        ? List.of() : groups.get(g).rules();
                for (int r = 0; r < rules.size(); r++) {
                    if (rules.get(r) != null && rules.get(r).uid() != null) {
                        unique(environment, "alert rule uid", rules.get(r).uid(), file, "/groups/" + g + "/rules/" + r + "/uid");
                    }
                }
            }
            alerting.add(new ProvisioningPlan.Alerting(environment, relative(file), parsed.content()));
        }

        void addReport(Path file, ValidationReport report) {
            for (Finding f : report.errors()) {
                findings.add(FileFinding.at(display(file), f.pointer(), f.message()));
            }
            for (Finding f : report.warnings()) {
                findings.add(FileFinding.warningAt(display(file), f.pointer(), f.message()));
            }
        }

        DatasourceLookup lookupFor(String environment) {
            Set<String> uids = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (ProvisioningPlan.Datasource ds : datasources) {
                if (ds.environment().equals(environment)) {
                    uids.add(ds.datasource().uid());
                    names.add(ds.datasource().name());
                }
            }
            DatasourceLookup beside = existing != null ? existing
                    : uids.isEmpty() && names.isEmpty() ? DatasourceLookup.ANY : null;
            return new DatasourceLookup() {
                @Override
                public boolean existsByUid(String uid) {
                    return uids.contains(uid) || (beside != null && beside.existsByUid(uid));
                }

                @Override
                public boolean existsByName(String name) {
                    return names.contains(name) || (beside != null && beside.existsByName(name));
                }
            };
        }
    }

    private static List<String> deprecatedSecrets(ProvisionedDatasource ds) {
        List<String> keys = new ArrayList<>();
        if (ds.password() != null) {
            keys.add("password");
        }
        if (ds.basicAuthPassword() != null) {
            keys.add("basicAuthPassword");
        }
        return keys;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path realPathOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
