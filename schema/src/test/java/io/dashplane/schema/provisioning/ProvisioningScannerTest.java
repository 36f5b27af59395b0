package io.dashplane.schema.provisioning;

import io.dashplane.schema.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningScannerTest {
    @TempDir
    Path tmp;

    private Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String dashboard(String uid, String datasourceUid) {
        return "{\"uid\":\"" + uid + "\",\"title\":\"" + uid + "\",\"schemaVersion\":39,\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"type\":\"prometheus\",\"uid\":\"" + datasourceUid + "\"},"
                + "\"targets\":[{\"refId\":\"A\",\"expr\":\"up\"}]}]}";
    }

    private ProvisioningPlan scan(Map<String, String> env) {
        return new ProvisioningScanner().scan(root, env, null);
    }

    private static List<String> messages(ProvisioningPlan plan) {
        return plan.findings().stream().map(FileFinding::format).toList();
    }

    private void writeGoodRoot() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        write("datasources/prom.yaml", """
                apiVersion: 1
                environment: prod
                datasources:
                  - name: Prometheus
                    type: prometheus
                    uid: prom
                    url: http://prom:${PROM_PORT}
                    isDefault: true
                    basicAuthUser: ad$$min
                    secureJsonData:
                      basicAuthPassword: $PROM_PASSWORD
                """);
        write("dashboards/providers.yaml", """
                apiVersion: 1
                environment: prod
                providers:
                  - name: tree
                    options:
                      path: json/tree
                      foldersFromFilesStructure: true
                  - name: ml
                    folder: ML
                    folderUid: ml
                    allowUiUpdates: true
                    options:
                      path: json/ml
                """);
        write("json/tree/top.json", dashboard("top", "prom"));
        write("json/tree/Team/A/deep.json", dashboard("deep", "prom"));
        write("json/ml/seed.json", Files.readString(Corpus.dashboardsDir().resolve("seed-ml-model-monitoring.json"))
                .replace("\"uid\": \"Prometheus\"", "\"uid\": \"prom\""));
        write("alerting/templates.yaml", """
                apiVersion: 1
                environment: prod
                templates:
                  - orgId: 1
                    name: ml
                    template: '{{ define "ml.title" }}ML{{ end }}'
                """);
    }

    @Test
    void plansEverythingOfAValidRoot() throws IOException {
        writeGoodRoot();
        ProvisioningPlan plan = scan(Map.of("PROM_PORT", "9090", "PROM_PASSWORD", "pa$$word"));
        assertEquals("ad$min", plan.datasources().isEmpty() ? null : plan.datasources().get(0).datasource().basicAuthUser());
        assertFalse(plan.hasErrors(), messages(plan).toString());
        assertEquals(1, plan.datasources().size());
        ProvisioningPlan.Datasource ds = plan.datasources().get(0);
        assertEquals("prod", ds.environment());
        assertEquals("datasources/prom.yaml", ds.file());
        assertEquals("http://prom:9090", ds.datasource().url());
        assertEquals("pa$$word", ds.datasource().secureJsonData().get("basicAuthPassword"), "values are not expanded again");

        // parents come before their children
        assertEquals(List.of(List.of("Team"), List.of("Team", "A"), List.of("ML")),
                plan.folders().stream().map(ProvisioningPlan.Folder::path).toList());
        assertEquals("ml", plan.folders().stream().filter(f -> f.path().equals(List.of("ML"))).findFirst().orElseThrow().uid());

        assertEquals(List.of("json/ml/seed.json", "json/tree/Team/A/deep.json", "json/tree/top.json"),
                plan.dashboards().stream().map(ProvisioningPlan.Dashboard::file).sorted().toList());
        ProvisioningPlan.Dashboard deep = plan.dashboards().stream().filter(d -> d.file().endsWith("deep.json")).findFirst().orElseThrow();
        assertEquals(List.of("Team", "A"), deep.folderPath());
        assertEquals("tree", deep.provider().name());
        ProvisioningPlan.Dashboard seed = plan.dashboards().stream().filter(d -> d.file().endsWith("seed.json")).findFirst().orElseThrow();
        assertEquals(List.of("ML"), seed.folderPath());
        assertEquals("ml", seed.folderUid());
        assertEquals(true, seed.provider().allowUiUpdates());
        ProvisioningPlan.Dashboard top = plan.dashboards().stream().filter(d -> d.file().endsWith("top.json")).findFirst().orElseThrow();
        assertEquals(List.of(), top.folderPath());

        assertEquals(1, plan.alerting().size());
        assertEquals("prod", plan.alerting().get(0).environment());
    }

    @Test
    void dashboardsReferencingUnprovisionedDatasourcesAreFlagged() throws IOException {
        writeGoodRoot();
        write("json/tree/bad.json", dashboard("bad", "ghost"));
        ProvisioningPlan plan = scan(Map.of("PROM_PORT", "9090", "PROM_PASSWORD", "secret"));
        assertTrue(messages(plan).contains(root.resolve("json/tree/bad.json")
                + ":1: datasource 'ghost' matches no datasource uid or name in this environment (at /panels/0/datasource/uid)"),
                messages(plan).toString());
    }

    @Test
    void providerPathsMustStayInsideTheAllowedRoots() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/x.json"), dashboard("x", "p"));
        Path providers = write("dashboards/p.yaml", """
                apiVersion: 1
                providers:
                  - name: up
                    options:
                      path: ../outside
                  - name: sneaky
                    options:
                      path: json/../../outside
                  - name: absolute
                    options:
                      path: %s
                """.formatted(outside));
        ProvisioningPlan plan = scan(Map.of());
        String real = outside.toRealPath().toString();
        String hint = " is outside the allowed roots (the provisioning root " + root + "); allow its directory with "
                + "provisioning.allowedRoots, DASHPLANE_PROVISIONING_ALLOWED_ROOTS or --provisioning-allowed-root";
        assertEquals(List.of(
                providers + ":5: path '../outside' (" + real + ")" + hint + " (at /providers/0/options/path)",
                providers + ":8: path 'json/../../outside' (" + real + ")" + hint + " (at /providers/1/options/path)",
                providers + ":11: path '" + outside + "' (" + real + ")" + hint + " (at /providers/2/options/path)"),
                messages(plan));
        assertTrue(plan.dashboards().isEmpty());
    }

    @Test
    void emptyFolderAndFolderUidMeanAbsentAsInGrafanasSampleProviderFile() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        write("json/tree/Team/deep.json", dashboard("deep", "p"));
        write("json/flat/flat.json", dashboard("flat", "p"));
        write("dashboards/sample.yaml", """
                apiVersion: 1
                providers:
                  - name: from-files
                    orgId: 1
                    folder: ''
                    folderUid: ''
                    type: file
                    options:
                      path: json/tree
                      foldersFromFilesStructure: true
                  - name: flat
                    folder: ''
                    folderUid: ''
                    options:
                      path: json/flat
                """);
        ProvisioningPlan plan = scan(Map.of());
        assertEquals(List.of(), messages(plan));
        assertEquals(List.of(List.of("Team"), List.of()),
                plan.dashboards().stream().map(ProvisioningPlan.Dashboard::folderPath).toList());
    }

    @Test
    void absoluteProviderPathsInsideAnAllowedRootAreRead() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Path grafana = Files.createDirectories(tmp.resolve("var/lib/grafana"));
        Path dashboards = Files.createDirectories(grafana.resolve("dashboards/Team/Sub"));
        Files.writeString(grafana.resolve("dashboards/top.json"), dashboard("top", "p"));
        Files.writeString(dashboards.resolve("deep.json"), dashboard("deep", "p"));
        write("dashboards/grafana.yaml", """
                apiVersion: 1
                providers:
                  - name: grafana
                    type: file
                    updateIntervalSeconds: 10
                    options:
                      path: %s
                      foldersFromFilesStructure: true
                """.formatted(grafana.resolve("dashboards")));
        ProvisioningPlan plan = new ProvisioningScanner().scan(root, List.of(grafana), Map.of(), null);
        assertEquals(List.of(), messages(plan));
        Path real = grafana.toRealPath().resolve("dashboards");
        assertEquals(List.of(real.resolve("Team/Sub/deep.json").toString(), real.resolve("top.json").toString()),
                plan.dashboards().stream().map(ProvisioningPlan.Dashboard::file).toList(),
                "files outside the provisioning root are named by their absolute path");
        assertEquals(List.of(List.of("Team", "Sub"), List.of()),
                plan.dashboards().stream().map(ProvisioningPlan.Dashboard::folderPath).toList(),
                "foldersFromFilesStructure: folders from the directories below the absolute path");
        assertEquals(1, plan.providers().size());

        ProvisioningPlan withoutRoot = scan(Map.of());
        assertEquals(1, withoutRoot.findings().size(), messages(withoutRoot).toString());
        assertTrue(messages(withoutRoot).get(0).contains("is outside the allowed roots"), messages(withoutRoot).toString());
    }

    @Test
    void symbolicLinksMayNotEscapeTheAllowedRoots() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("x.json"), dashboard("x", "p"));
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Files.createSymbolicLink(allowed.resolve("linked"), outside);
        Files.createDirectories(root.resolve("json/inside"));
        Files.createSymbolicLink(root.resolve("json/linked"), outside);
        Files.createSymbolicLink(root.resolve("json/inside/file.json"), outside.resolve("x.json"));
        Path providers = write("dashboards/p.yaml", """
                apiVersion: 1
                providers:
                  - name: linked
                    options:
                      path: json/linked
                  - name: inside
                    options:
                      path: json/inside
                  - name: absolute-linked
                    options:
                      path: %s
                """.formatted(allowed.resolve("linked")));
        ProvisioningPlan plan = new ProvisioningScanner().scan(root, List.of(allowed), Map.of(), null);
        String roots = "(the provisioning root " + root + " and " + allowed + ")";
        String hint = " is outside the allowed roots " + roots + "; allow its directory with "
                + "provisioning.allowedRoots, DASHPLANE_PROVISIONING_ALLOWED_ROOTS or --provisioning-allowed-root";
        String real = outside.toRealPath().toString();
        assertEquals(List.of(
                providers + ":5: path 'json/linked' (" + real + ")" + hint + " (at /providers/0/options/path)",
                root.resolve("json/inside/file.json") + ": is a symbolic link to a file outside the allowed roots " + roots,
                providers + ":11: path '" + allowed.resolve("linked") + "' (" + real + ")" + hint
                        + " (at /providers/2/options/path)"),
                messages(plan));
        assertTrue(plan.dashboards().isEmpty());
    }

    @Test
    void duplicateUidsAcrossFilesAreErrors() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        write("datasources/a.yaml", "apiVersion: 1\ndatasources:\n  - name: A\n    type: prometheus\n    uid: same\n");
        Path b = write("datasources/b.yaml", "apiVersion: 1\ndatasources:\n  - name: B\n    type: prometheus\n    uid: same\n"
                + "  - name: A\n    type: loki\n");
        Path other = write("datasources/c.yaml", "apiVersion: 1\nenvironment: other\ndatasources:\n  - name: A\n    type: prometheus\n    uid: same\n");
        write("dashboards/p.yaml", "apiVersion: 1\nproviders:\n  - name: p\n    options:\n      path: json\n");
        write("json/one.json", dashboard("dash", "same"));
        Path two = write("json/sub/two.json", dashboard("dash", "same"));
        ProvisioningPlan plan = scan(Map.of());
        List<String> messages = messages(plan);
        assertEquals(List.of(
                b + ":5: duplicate datasource uid 'same' in environment 'default' (first at "
                        + root.resolve("datasources/a.yaml") + "#/datasources/0/uid) (at /datasources/0/uid)",
                b + ":6: duplicate datasource name 'A' in environment 'default' (first at "
                        + root.resolve("datasources/a.yaml") + "#/datasources/0/name) (at /datasources/1/name)",
                two + ":1: duplicate dashboard uid 'dash' in environment 'default' (first at "
                        + root.resolve("json/one.json") + "#/uid) (at /uid)"),
                messages);
        assertFalse(messages.stream().anyMatch(m -> m.startsWith(other.toString())), "other environments are separate");
    }

    @Test
    void unknownKeysAndMalformedFilesAreReportedWithLines() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Path ds = write("datasources/a.yaml", "apiVersion: 1\ndatasources:\n  - name: A\n    type: prometheus\n    jsonDta: {}\n");
        Path providers = write("dashboards/p.yaml", "apiVersion: 1\nproviders:\n  - name: p\n    options:\n      path: json\n      recursive: true\n");
        write("dashboards/q.yaml", "apiVersion: 1\nproviders:\n  - name: q\n    options:\n      path: json\n");
        Path broken = write("json/broken.json", "{\n  \"title\": \"x\",\n  \"panels\": [\n}\n");
        List<String> messages = messages(scan(Map.of()));
        assertTrue(messages.get(0).startsWith(ds + ":5: unknown key 'jsonDta' in /datasources/0"), messages.toString());
        assertTrue(messages.get(1).startsWith(providers + ":6: unknown key 'recursive' in /providers/0/options"), messages.toString());
        assertTrue(messages.get(2).startsWith(broken + ":4: malformed JSON"), messages.toString());
        assertEquals(3, messages.size(), messages.toString());
    }

    @Test
    void oneFolderUidCannotNameTwoFolders() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Files.createDirectories(root.resolve("json"));
        Path p = write("dashboards/p.yaml", """
                apiVersion: 1
                providers:
                  - name: a
                    folder: One
                    folderUid: f
                    options: {path: json}
                  - name: b
                    folder: Two
                    folderUid: f
                    options: {path: json}
                  - name: c
                    folder: One
                    folderUid: g
                    options: {path: json}
                """);
        assertEquals(List.of(
                p + ":9: duplicate folder uid 'f' in environment 'default' (first at " + p + "#/providers/0/folderUid)"
                        + " (at /providers/1/folderUid)",
                p + ":13: folder 'One' already has folderUid 'f' from another provider (at /providers/2/folderUid)"),
                messages(scan(Map.of())));
    }

    @Test
    void deprecatedTopLevelSecretsAreAcceptedWithAWarning() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Path ds = write("datasources/a.yaml", "apiVersion: 1\ndatasources:\n  - name: A\n    type: mysql\n    password: pw\n"
                + "    secureJsonData:\n      tlsCACert: ca\n");
        ProvisioningPlan plan = scan(Map.of());
        assertFalse(plan.hasErrors());
        assertEquals(List.of(ds + ":5: warning: password is deprecated; put it in secureJsonData.password"
                        + " (at /datasources/0/password)"),
                messages(plan));
        assertEquals(Map.of("password", "pw", "tlsCACert", "ca"), plan.datasources().get(0).datasource().effectiveSecureJsonData());
    }

    @Test
    void providerRulesAreChecked() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        Files.createDirectories(root.resolve("json"));
        Path p = write("dashboards/p.yaml", """
                apiVersion: 2
                providers:
                  - name: a
                    type: git
                    folder: X
                    options:
                      path: json
                      foldersFromFilesStructure: true
                  - name: a
                    options:
                      path: missing
                """);
        assertEquals(List.of(
                p + ":1: apiVersion 2 is not supported; use 1 (at /apiVersion)",
                p + ":4: type must be file (at /providers/0/type)",
                p + ":8: foldersFromFilesStructure cannot be combined with folder or folderUid"
                        + " (at /providers/0/options/foldersFromFilesStructure)",
                p + ":9: duplicate dashboard provider 'a' in environment 'default' (first at " + p + "#/providers/0/name)"
                        + " (at /providers/1/name)",
                p + ":11: path 'missing' is not a directory (relative paths are resolved against the provisioning root: "
                        + root.resolve("missing") + ") (at /providers/1/options/path)"),
                messages(scan(Map.of())));
    }
}
