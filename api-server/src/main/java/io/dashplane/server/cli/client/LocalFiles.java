package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.provisioning.AlertingFile;
import io.dashplane.schema.provisioning.DatasourceDeletion;
import io.dashplane.schema.provisioning.DatasourcesFile;
import io.dashplane.schema.provisioning.ProvisionedDatasource;
import io.dashplane.schema.provisioning.ProvisioningParseException;
import io.dashplane.schema.provisioning.ProvisioningReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local files {@code apply} and {@code diff} read, parsed by the schema module's provisioning readers (the
 * server's own): dashboard JSON (bare Grafana dashboards and {@code {"dashboard": ...}} envelopes), Grafana
 * datasource provisioning YAML and Grafana alerting provisioning YAML. {@code $VAR} in YAML files is expanded
 * from the environment, as the server does for its provisioning directory.
 */
final class LocalFiles {
    private static final Set<String> ALERTING_KEYS = Set.of("groups", "deleteRules", "contactPoints",
            "deleteContactPoints", "policies", "resetPolicies", "templates", "deleteTemplates", "muteTimes",
            "deleteMuteTimes");
    private static final ObjectMapper YAML = ProvisioningFiles.yamlMapper();

    /** One thing to apply or compare. */
    sealed interface Item permits Dashboard, Datasource, DatasourceDelete, Alerting {
        Path file();

        /** Datasources first, then dashboards, then alerting (rules name folders and datasources). */
        int order();

        String label();
    }

    /** A dashboard write: the envelope ({@code dashboard}, optional {@code folderUid}, ...). */
    record Dashboard(Path file, String uid, ObjectNode envelope) implements Item {
        public int order() {
            return 1;
        }

        public String label() {
            return "dashboards/" + (uid == null ? "(new, " + file.getFileName() + ")" : uid);
        }
    }

    /** A datasource of a provisioning file, as a body of the datasource API. */
    record Datasource(Path file, String uid, String name, ObjectNode body) implements Item {
        public int order() {
            return 0;
        }

        public String label() {
            return "datasources/" + (uid != null ? uid : name);
        }
    }

    record DatasourceDelete(Path file, String name) implements Item {
        public int order() {
            return 0;
        }

        public String label() {
            return "datasources/" + name + " (delete)";
        }
    }

    /** A whole alerting provisioning file, sent to the alerting import as JSON. */
    record Alerting(Path file, String json) implements Item {
        public int order() {
            return 2;
        }

        public String label() {
            return "alerting " + file.getFileName();
        }
    }

    private LocalFiles() {
    }

    /** Every item of the given files and directories (recursively: *.json, *.yaml, *.yml, sorted by path). */
    static List<Item> read(List<Path> paths, Map<String, String> env) throws ClientException {
        List<Item> items = new ArrayList<>();
        for (Path file : files(paths)) {
            items.addAll(readFile(file, env));
        }
        items.sort(java.util.Comparator.comparingInt(Item::order));
        return items;
    }

    private static List<Path> files(List<Path> paths) throws ClientException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(LocalFiles::supported).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new ClientException(path + " cannot be read: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new ClientException(path + ": no such file or directory");
            }
        }
        return files;
    }

    private static boolean supported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Item> readFile(Path file, Map<String, String> env) throws ClientException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ClientException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ClientException(file + " cannot be read: " + e.getMessage());
        }
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? List.of(dashboard(file, text)) : yaml(file, text, env);
        } catch (ProvisioningParseException e) {
            throw new ClientException(e.getMessage());
        }
    }

    private static Dashboard dashboard(Path file, String text) throws ProvisioningParseException, ClientException {
        JsonNode node = ProvisioningReader.readDashboardJson(file.toString(), text);
        ObjectNode envelope;
        if (node.get("dashboard") instanceof ObjectNode) {
            envelope = (ObjectNode) node;
        } else if (node.has("apiVersion") && (node.has("dashboards") || node.has("folders"))) {
            throw new ClientException(file + " is a bundle: use 'dashplane import -f " + file + "'");
        } else {
            envelope = Json.mapper().createObjectNode();
            envelope.set("dashboard", node);
        }
        JsonNode uid = envelope.get("dashboard").get("uid");
        return new Dashboard(file, uid != null && uid.isTextual() && !uid.asText().isBlank() ? uid.asText() : null,
                envelope);
    }

    private static List<Item> yaml(Path file, String text, Map<String, String> env)
            throws ProvisioningParseException, ClientException {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (IOException e) {
            // the provisioning reader below reports it with its line
            tree = null;
        }
        String name = file.toString();
        if (tree == null || !tree.isObject()) {
            ProvisioningReader.readDatasources(name, text, env);
            throw new ClientException(file + ": not a Grafana provisioning file (a YAML mapping is expected)");
        }
        if (tree.has("datasources") || tree.has("deleteDatasources")) {
            return datasources(file, ProvisioningReader.readDatasources(name, text, env));
        }
        if (tree.has("providers")) {
            throw new ClientException(file + " is a dashboard provider file, which the server reads from its own "
                    + "provisioning directory; apply the dashboard JSON files instead");
        }
        if (ALERTING_KEYS.stream().anyMatch(tree::has)) {
            AlertingFile alerting = ProvisioningReader.readAlerting(name, text, env);
            return List.of(new Alerting(file, ProvisioningFiles.writeJson(alerting.content())));
        }
        if (tree.has("dashboards") || tree.has("folders") || tree.has("ruleGroups")) {
            throw new ClientException(file + " is a bundle: use 'dashplane import -f " + file + "'");
        }
        throw new ClientException(file + ": not a datasource or alerting provisioning file "
                + "(no datasources:, groups:, contactPoints:, policies:, templates: or muteTimes:)");
    }

    private static List<Item> datasources(Path file, DatasourcesFile parsed) {
        List<Item> items = new ArrayList<>();
        for (DatasourceDeletion deletion : parsed.deleteDatasources() == null ? List.<DatasourceDeletion>of()
                : parsed.deleteDatasources()) {
            items.add(new DatasourceDelete(file, deletion.name()));
        }
        for (ProvisionedDatasource ds : parsed.datasources() == null ? List.<ProvisionedDatasource>of()
                : parsed.datasources()) {
            ObjectNode body = Json.mapper().valueToTree(ds);
            body.remove(List.of("orgId", "version", "editable", "password", "basicAuthPassword", "secureJsonData"));
            if (ds.jsonData() != null) {
                body.set("jsonData", ds.jsonData());
            }
            Map<String, String> secrets = ds.effectiveSecureJsonData();
            if (!secrets.isEmpty()) {
                body.set("secureJsonData", Json.mapper().valueToTree(secrets));
            }
            items.add(new Datasource(file, ds.uid() == null || ds.uid().isBlank() ? null : ds.uid(), ds.name(), body));
        }
        return items;
    }
}
