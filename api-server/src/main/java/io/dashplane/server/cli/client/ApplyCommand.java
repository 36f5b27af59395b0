package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.cli.progress.Progress;
import io.dashplane.server.cli.progress.ProgressOption;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dashplane apply -f FILE|DIR}: creates or replaces what local files describe in the environment, in the
 * order datasources, dashboards, alerting; stops at the first object the server refuses.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Create or replace what files describe: dashboard JSON (bare or {\"dashboard\": ...} "
                + "envelopes), Grafana datasource and alerting provisioning YAML. Directories are read recursively.",
                "Datasources are applied first, then dashboards, then alerting files. Stops at the first refusal "
                        + "(exit 1) with the server's message and JSON pointer."})
public final class ApplyCommand extends ClientCommand {
    @Mixin
    ProgressOption progressOption;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
            description = "Files or directories to apply (repeatable)")
    List<Path> paths;

    @Option(names = "--dry-run", description = "Let the server validate everything without writing "
            + "(dashboards and alerting; datasources are checked when written)")
    boolean dryRun;

    @Override
    int run() throws ClientException {
        List<LocalFiles.Item> items = LocalFiles.read(paths, environment());
        if (items.isEmpty()) {
            err().println("dashplane apply: nothing to apply in " + paths);
            return OK;
        }
        int written = 0;
        try (Progress progress = Progress.start("apply", items.size(), err(), progressOption.mode())) {
            for (LocalFiles.Item item : items) {
                progress.step(item.label());
                String outcome = apply(item);
                progress.stepDone();
                out().println(item.label() + ": " + outcome);
                written++;
            }
        }
        out().println((dryRun ? "validated " : "applied ") + written + " object(s) to environment '"
                + connection.environment() + "'");
        return OK;
    }

    private String apply(LocalFiles.Item item) throws ClientException {
        String base = envPath();
        String dry = dryRun ? "?dryRun=true" : "";
        if (item instanceof LocalFiles.Dashboard d) {
            String body = Output.compact(d.envelope());
            ServerClient.Reply reply = d.uid() == null
                    ? client.send("POST", base + "/dashboards" + dry, ServerClient.JSON, body)
                    : client.send("PUT", base + "/dashboards/" + ServerClient.segment(d.uid()) + dry,
                    ServerClient.JSON, body);
            return written(reply);
        }
        if (item instanceof LocalFiles.Datasource d) {
            String uid = d.uid() != null ? d.uid() : existingUid(base, d.name());
            if (dryRun) {
                return "not checked (no dry run for datasources)";
            }
            ServerClient.Reply reply = uid == null
                    ? client.send("POST", base + "/datasources", ServerClient.JSON, Output.compact(d.body()))
                    : client.send("PUT", base + "/datasources/" + ServerClient.segment(uid), ServerClient.JSON,
                    Output.compact(d.body()));
            return written(reply);
        }
        if (item instanceof LocalFiles.DatasourceDelete d) {
            String uid = existingUid(base, d.name());
            if (uid == null) {
                return "absent";
            }
            if (dryRun) {
                return "would be deleted";
            }
            client.send("DELETE", base + "/datasources/" + ServerClient.segment(uid), null, null);
            return "deleted";
        }
        LocalFiles.Alerting a = (LocalFiles.Alerting) item;
        JsonNode result = client.send("POST", base + "/alerting/import" + dry, ServerClient.JSON, a.json()).json();
        return alertingSummary(result);
    }

    private String existingUid(String base, String name) throws ClientException {
        JsonNode found = client.find(base + "/datasources/name/" + ServerClient.segment(name));
        return found == null ? null : found.path("uid").asText(null);
    }

    private String written(ServerClient.Reply reply) throws ClientException {
        JsonNode body = reply.json();
        String what = dryRun ? "valid" : reply.status() == 201 ? "created" : "configured";
        return what + " (version " + body.path("version").asText("?") + ")" + warnings(body.path("warnings"));
    }

    /** {@code N changed (kind id action, ...)} from the alerting import's answer. */
    static String alertingSummary(JsonNode result) {
        List<String> changes = new java.util.ArrayList<>();
        for (JsonNode change : result.path("changes")) {
            if (!"unchanged".equals(change.path("action").asText())) {
                changes.add(change.path("kind").asText() + " " + change.path("id").asText() + " "
                        + change.path("action").asText());
            }
        }
        return changes.isEmpty() ? "unchanged" : changes.size() + " change(s): " + String.join(", ", changes)
                + warnings(result.path("warnings"));
    }

    private static String warnings(JsonNode warnings) {
        if (warnings == null || warnings.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode warning : warnings) {
            text.append("\n  warning at ").append(warning.path("pointer").asText("")).append(": ")
                    .append(warning.path("message").asText(""));
        }
        return text.toString();
    }
}
