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
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {
    @TempDir
    Path tmp;

    private final Validator validator = new Validator();

    private List<String> validate(Path... paths) {
        return validator.validate(List.of(paths), Map.of()).stream().map(FileFinding::format).toList();
    }

    @Test
    void corpusDashboardsHaveNoErrors() {
        for (Path dashboard : Corpus.dashboards()) {
            List<FileFinding> findings = validator.validate(dashboard, Map.of());
            assertTrue(findings.stream().noneMatch(FileFinding::isError), findings.toString());
        }
    }

    @Test
    void dashboardFindingsCarryFileAndPointer() throws IOException {
        Path file = Files.writeString(tmp.resolve("d.json"), "{\"uid\":\"d\",\"panels\":[]}");
        assertEquals(List.of(file + "#/title: title is required",
                file + "#/schemaVersion: warning: schemaVersion is missing; Grafana will assume a very old model"), validate(file));
    }

    @Test
    void parseErrorsCarryFileAndLine() throws IOException {
        Path json = Files.writeString(tmp.resolve("d.json"), "{\n\"title\": \"x\",\n\"panels\": [,]\n}");
        Path yaml = Files.writeString(tmp.resolve("bundle.yaml"), "apiVersion: 1\nenvironment: staging\nfolder:\n  - uid: x\n");
        List<String> findings = validate(json, yaml);
        assertTrue(findings.get(0).startsWith(json + ":3: malformed JSON"), findings.toString());
        assertTrue(findings.get(1).startsWith(yaml + ":3: unknown key 'folder' (known keys: apiVersion, contactPoints,"), findings.toString());
    }

    @Test
    void bundlesAreValidatedAsAWhole() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("bundle.yaml"), """
                apiVersion: 1
                environment: staging
                folders:
                  - uid: ml
                    title: ML
                dashboards:
                  - uid: d
                    folderUid: nope
                    dashboard: {uid: d, title: D, schemaVersion: 39}
                """);
        Path json = Files.writeString(tmp.resolve("bundle.json"), "{\"apiVersion\": 1, \"folders\": [{\"uid\": \"a\", \"title\": \"A\"}, {\"uid\": \"a\", \"title\": \"B\"}]}");
        assertEquals(List.of(yaml + "#/dashboards/0/folderUid: folder 'nope' is not in the bundle",
                        json + "#/folders/1/uid: duplicate uid 'a' (first at /folders/0/uid)"),
                validate(yaml, json));
    }

    @Test
    void provisioningDirectoriesAndSingleFiles() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("prov"));
        Files.createDirectories(root.resolve("datasources"));
        Path ds = Files.writeString(root.resolve("datasources/ds.yaml"), "apiVersion: 1\ndatasources:\n  - name: A\n");
        Path other = Files.writeString(root.resolve("datasources/other.yaml"), "apiVersion: 1\ndatasources:\n  - type: loki\n");
        assertEquals(List.of(ds + "#/datasources/0/type: type is required", other + "#/datasources/0/name: name is required"),
                validate(root));
        assertEquals(List.of(ds + "#/datasources/0/type: type is required"), validate(ds));
        assertEquals(List.of(tmp.resolve("missing") + ": no such file or directory"), validate(tmp.resolve("missing")));
    }
}
