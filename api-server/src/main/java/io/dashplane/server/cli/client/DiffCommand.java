package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dashplane diff}: unified diffs of canonical JSON (members sorted), either local files against an
 * environment or one environment against another. Exit 0 without differences, 2 with, 1 on error, like
 * {@code terraform plan -detailed-exitcode}.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show differences as unified diffs of canonical JSON (object members sorted).",
                "With -f: what 'apply -f' would change in the environment (--- the environment, +++ the files). "
                        + "With --against ENV2: environment ENV against ENV2 (--- ENV, +++ ENV2), from their exports.",
                "Exit codes: 0 no differences, 2 differences, 1 error."},
        exitCodeOnInvalidInput = 1, exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no differences", "1:an error", "2:differences"})
public final class DiffCommand extends ClientCommand {
    static final int DIFFERENCES = 2;

    @ArgGroup(multiplicity = "1")
    Against what;

    static final class Against {
        @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR", description = "Files or directories to compare")
        List<Path> paths;

        @Option(names = "--against", paramLabel = "ENV2", description = "The environment to compare with")
        String environment;
    }

    @Override
    int run() throws ClientException {
        int differences = what.paths != null ? files() : environments();
        if (differences == 0) {
            err().println("no differences");
            return OK;
        }
        err().println(differences + " object(s) differ");
        return DIFFERENCES;
    }

    private int files() throws ClientException {
        String env = connection.environment();
        int differences = 0;
        for (LocalFiles.Item item : LocalFiles.read(what.paths, environment())) {
            if (item instanceof LocalFiles.Alerting a) {
                JsonNode result = client.send("POST", envPath() + "/alerting/import?dryRun=true", ServerClient.JSON,
                        a.json()).json();
                String summary = ApplyCommand.alertingSummary(result);
                if (!summary.equals("unchanged")) {
                    out().println("~ " + item.label() + ": " + summary);
                    differences++;
                }
                continue;
            }
            JsonNode[] sides = sides(item);
            if (print(env + "/" + item.label(), "local/" + item.label(), sides[0], sides[1])) {
                differences++;
            }
        }
        return differences;
    }

    /** The environment's current object and the file's, in the same projection. */
    private JsonNode[] sides(LocalFiles.Item item) throws ClientException {
        String base = envPath();
        if (item instanceof LocalFiles.Dashboard d) {
            ObjectNode local = dashboardEntry(d.envelope().get("folderUid"), d.envelope().get("dashboard"));
            JsonNode stored = d.uid() == null ? null : client.find(base + "/dashboards/" + ServerClient.segment(d.uid()));
            return new JsonNode[] {stored == null ? null
                    : dashboardEntry(stored.path("meta").get("folderUid"), stored.get("dashboard")), local};
        }
        if (item instanceof LocalFiles.Datasource d) {
            ObjectNode local = d.body().deepCopy();
            local.remove("secureJsonData");
            JsonNode stored = d.uid() != null ? client.find(base + "/datasources/" + ServerClient.segment(d.uid()))
                    : client.find(base + "/datasources/name/" + ServerClient.segment(d.name()));
            return new JsonNode[] {stored == null ? null : only(stored, local), local};
        }
        LocalFiles.DatasourceDelete delete = (LocalFiles.DatasourceDelete) item;
        JsonNode stored = client.find(base + "/datasources/name/" + ServerClient.segment(delete.name()));
        return new JsonNode[] {stored, null};
    }

    /** A dashboard as bundles hold it: folder and JSON model without the server-owned id and version. */
    private static ObjectNode dashboardEntry(JsonNode folderUid, JsonNode dashboard) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.set("folderUid", folderUid == null ? Json.mapper().nullNode() : folderUid);
        ObjectNode model = dashboard.deepCopy();
        model.remove(List.of("id", "version"));
        entry.set("dashboard", model);
        return entry;
    }

    /** The members of {@code stored} that {@code local} sets: a file compares what it says. */
    private static ObjectNode only(JsonNode stored, JsonNode local) {
        ObjectNode projected = Json.mapper().createObjectNode();
        local.fieldNames().forEachRemaining(name -> projected.set(name,
                stored.has(name) ? stored.get(name) : Json.mapper().nullNode()));
        return projected;
    }

    private int environments() throws ClientException {
        String left = connection.environment();
        String right = what.environment;
        Map<String, JsonNode> before = objects(export(left));
        Map<String, JsonNode> after = objects(export(right));
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        int differences = 0;
        for (String key : keys) {
            if (print(left + "/" + key, right + "/" + key, before.get(key), after.get(key))) {
                differences++;
            }
        }
        return differences;
    }

    private JsonNode export(String environment) throws ClientException {
        return client.get(ServerClient.envPath(environment) + "/export?format=json");
    }

    /** A bundle's objects by {@code list/key}: uid, else folderUid/name, else name. */
    static Map<String, JsonNode> objects(JsonNode bundle) {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = bundle.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String list = member.getKey();
            if (list.equals("apiVersion") || list.equals("secretInputs")) {
                continue;
            }
            if (!member.getValue().isArray()) {
                objects.put(list, member.getValue());
                continue;
            }
            int index = 0;
            for (JsonNode object : member.getValue()) {
                objects.put(list + "/" + key(object, index++), object);
            }
        }
        return objects;
    }

    static String key(JsonNode object, int index) {
        if (object.hasNonNull("uid")) {
            return object.get("uid").asText();
        }
        if (object.hasNonNull("folderUid") && object.hasNonNull("name")) {
            return object.get("folderUid").asText() + "/" + object.get("name").asText();
        }
        return object.hasNonNull("name") ? object.get("name").asText() : String.valueOf(index);
    }

    private boolean print(String from, String to, JsonNode before, JsonNode after) {
        List<String> diff = Diffs.unified(from, to, before, after);
        diff.forEach(out()::println);
        return !diff.isEmpty();
    }
}
