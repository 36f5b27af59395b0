package io.dashplane.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.schema.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an environment through {@link DashplaneClient} and lays it out in Grafana's provisioning formats:
 * {@code datasources/dashplane.yaml}, {@code dashboards/dashplane.yaml} (one file provider per folder, one for the
 * root) with the dashboard JSON files in {@code dashboards/<folder-uid>/} and {@code dashboards/general/},
 * {@code alerting/dashplane.yaml} and {@code secrets.env.example}.
 *
 * <p>Grafana and Dashplane's loader replace {@code $NAME}/{@code ${NAME}} in provisioning YAML before parsing, so
 * every {@code $} of the content is written as {@code $$}; the only references left are the secrets'.
 */
public final class TreeRenderer {
    /** The directory of the root folder's dashboards; Grafana reserves the uid {@code general}, so no folder has it. */
    public static final String ROOT_DIRECTORY = "general";
    /** What the server writes in place of a secret in an export without decryption. */
    static final String REDACTED = "[REDACTED]";

    private static final ObjectMapper YAML = ProvisioningFiles.yamlMapper();
    private static final ObjectMapper JSON = Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DashplaneClient client;
    private final String grafanaPath;
    private final boolean plainSecrets;
    private final java.io.PrintWriter warnings;

    /**
     * @param grafanaPath where Grafana sees the output directory (provider paths are written below it)
     * @param plainSecrets contact point secrets as values (needs Admin); datasource secrets stay references
     */
    public TreeRenderer(DashplaneClient client, String grafanaPath, boolean plainSecrets, java.io.PrintWriter warnings) {
        this.client = client;
        this.grafanaPath = grafanaPath.endsWith("/") ? grafanaPath.substring(0, grafanaPath.length() - 1) : grafanaPath;
        this.plainSecrets = plainSecrets;
        this.warnings = warnings;
    }

    /** Renders with no previous tree (alerting objects removed since are not known). */
    public RenderedTree render() throws IOException, InterruptedException {
        return render(null);
    }

    /**
     * @param previousAlerting the {@code alerting/dashplane.yaml} of the previous render, or null: alerting objects
     *     it held that are gone now are written as the file's delete forms, since Grafana deletes alerting objects
     *     only through those
     */
    public RenderedTree render(String previousAlerting) throws IOException, InterruptedException {
        Map<String, byte[]> files = new TreeMap<>();
        java.util.Set<String> directories = new TreeSet<>();
        SecretReferences secrets = new SecretReferences();
        files.put("datasources/dashplane.yaml", yaml(datasources(secrets)));
        dashboards(files, directories);
        JsonNode alerting = alerting(secrets);
        AlertingDeletions.add((ObjectNode) alerting, previousAlerting == null ? null : YAML.readTree(previousAlerting));
        files.put("alerting/dashplane.yaml", yaml(alerting));
        files.put("secrets.env.example", secretsExample(secrets.variables()));
        return new RenderedTree(files, directories, secrets.variables());
    }

    private ObjectNode datasources(SecretReferences secrets) throws IOException, InterruptedException {
        ArrayNode list = NODES.arrayNode();
        for (JsonNode d : client.all("datasources")) {
            ObjectNode out = NODES.objectNode();
            for (String field : List.of("name", "type", "uid", "access", "url", "user", "database", "basicAuth",
                    "basicAuthUser", "withCredentials", "isDefault", "jsonData")) {
                if (d.hasNonNull(field)) {
                    out.set(field, d.get(field).deepCopy());
                }
            }
            escapeDollars(out);
            ObjectNode secure = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> flags = d.path("secureJsonFields").fields();
            while (flags.hasNext()) {
                Map.Entry<String, JsonNode> flag = flags.next();
                if (flag.getValue().asBoolean()) {
                    String name = secrets.datasource(d.path("uid").asText(), flag.getKey());
                    secure.put(flag.getKey(), SecretReferences.reference(name));
                }
            }
            if (!secure.isEmpty()) {
                out.set("secureJsonData", secure);
            }
            list.add(out);
        }
        if (plainSecrets && !secrets.variables().isEmpty()) {
            warnings.println("warning: the server has no endpoint that reveals datasource secrets; they are written as "
                    + "environment references (see secrets.env.example)");
        }
        ObjectNode file = NODES.objectNode();
        file.put("apiVersion", 1);
        file.set("datasources", list);
        // Grafana (and Dashplane's loader) then delete datasources this file provisioned that are no longer in it
        file.put("prune", true);
        return file;
    }

    private void dashboards(Map<String, byte[]> files, java.util.Set<String> directories)
            throws IOException, InterruptedException {
        ArrayNode providers = NODES.arrayNode();
        providers.add(provider("dashplane-" + ROOT_DIRECTORY, null, null, ROOT_DIRECTORY));
        directories.add("dashboards/" + ROOT_DIRECTORY);
        List<JsonNode> folders = client.all("folders");
        for (JsonNode f : folders) {
            String uid = f.path("uid").asText();
            providers.add(provider("dashplane-" + uid, f.path("title").asText(), uid, uid));
            directories.add("dashboards/" + uid);
        }
        ObjectNode file = NODES.objectNode();
        file.put("apiVersion", 1);
        file.set("providers", providers);
        files.put("dashboards/dashplane.yaml", yaml(file));
        for (JsonNode hit : client.all("dashboards")) {
            String uid = hit.path("uid").asText();
            JsonNode read = client.get("dashboards/" + DashplaneClient.encode(uid));
            String folderUid = read.path("meta").path("folderUid").asText("");
            String dir = folderUid.isEmpty() ? ROOT_DIRECTORY : folderUid;
            byte[] json = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(read.get("dashboard")) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            files.put("dashboards/" + dir + "/" + uid + ".json", json);
        }
    }

    private ObjectNode provider(String name, String folderTitle, String folderUid, String directory) {
        ObjectNode p = NODES.objectNode();
        p.put("name", name);
        p.put("orgId", 1);
        if (folderTitle != null) {
            p.put("folder", escape(folderTitle));
            p.put("folderUid", folderUid);
        }
        p.put("type", "file");
        p.put("disableDeletion", false);
        p.put("allowUiUpdates", false);
        p.put("updateIntervalSeconds", 10);
        ObjectNode options = p.putObject("options");
        options.put("path", escape(grafanaPath + "/dashboards/" + directory));
        return p;
    }

    private JsonNode alerting(SecretReferences secrets) throws IOException, InterruptedException {
        JsonNode export = client.get("alerting/export?format=json" + (plainSecrets ? "&decrypt=true" : ""));
        escapeDollars(export);
        for (JsonNode contactPoint : export.path("contactPoints")) {
            for (JsonNode receiver : contactPoint.path("receivers")) {
                if (receiver.path("settings") instanceof ObjectNode settings) {
                    referSecrets(settings, receiver.path("uid").asText(), "", secrets);
                }
            }
        }
        return export;
    }

    /** Replaces every redacted value below {@code settings} by a reference to a variable. */
    private static void referSecrets(ObjectNode node, String integrationUid, String prefix, SecretReferences secrets) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Map<String, JsonNode> replaced = new LinkedHashMap<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isTextual() && e.getValue().asText().equals(REDACTED)) {
                replaced.put(e.getKey(), TextNode.valueOf(SecretReferences.reference(secrets.contactPoint(integrationUid, key))));
            } else if (e.getValue() instanceof ObjectNode child) {
                referSecrets(child, integrationUid, key, secrets);
            }
        }
        replaced.forEach(node::set);
    }

    /** Every text value below {@code node} with {@code $} doubled, so that interpolation gives it back unchanged. */
    static void escapeDollars(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> replaced = new LinkedHashMap<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    replaced.put(e.getKey(), TextNode.valueOf(escape(e.getValue().asText())));
                } else {
                    escapeDollars(e.getValue());
                }
            });
            replaced.forEach(object::set);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(escape(array.get(i).asText())));
                } else {
                    escapeDollars(array.get(i));
                }
            }
        }
    }

    private static String escape(String text) {
        return text.replace("$", "$$");
    }

    private static byte[] yaml(JsonNode tree) throws IOException {
        return ("# Rendered by dashplane render; changes here are overwritten.\n" + YAML.writeValueAsString(tree))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] secretsExample(Map<String, String> variables) {
        StringBuilder s = new StringBuilder("# The environment variables the rendered provisioning files refer to.\n"
                + "# Give them to Grafana's process (e.g. an env_file), with the secret values.\n");
        variables.forEach((name, what) -> s.append("# ").append(what).append('\n').append(name).append("=\n"));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
