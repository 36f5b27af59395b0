package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.server.cli.progress.Progress;
import io.dashplane.server.cli.progress.ProgressOption;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dashplane promote SOURCE TARGET}: computes the promotion plan (a dry run the server stores), shows it as
 * unified diffs, asks for confirmation (refused without a terminal unless {@code --yes}) and applies exactly that
 * plan; the server refuses it when the target changed in between.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Promote content from SOURCE to TARGET: show the plan as unified diffs, ask, apply it.",
                "Without a terminal, --yes is required (the plan is shown and nothing is applied otherwise). "
                        + "Exit 0 when applied or nothing to do, 1 on error or when not confirmed."})
public final class PromoteCommand extends ClientCommand {
    @Mixin
    ProgressOption progressOption;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source environment")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The target environment")
    String target;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking")
    boolean yes;

    @Option(names = "--prune", description = "Also delete target folders and dashboards the source lacks")
    boolean prune;

    @Option(names = "--dashboard", paramLabel = "UID", description = "Promote only these dashboards (repeatable)")
    List<String> dashboards;

    @Option(names = "--folder", paramLabel = "UID", description = "Promote only these folders (repeatable)")
    List<String> folders;

    @Option(names = "--tag", paramLabel = "TAG", description = "Promote only dashboards with these tags (repeatable)")
    List<String> tags;

    @Option(names = "--datasource", paramLabel = "UID|NAME", description = "Also promote these datasources (repeatable)")
    List<String> datasources;

    @Option(names = "--map-uid", paramLabel = "SOURCE_UID=TARGET_UID",
            description = "Map a source datasource uid to a target datasource uid (repeatable)")
    Map<String, String> uidMap;

    @Option(names = "--map-name", paramLabel = "SOURCE_NAME=TARGET_NAME",
            description = "Map a source datasource name to a target datasource name (repeatable)")
    Map<String, String> nameMap;

    @Override
    int run() throws ClientException {
        PlanRunner runner = new PlanRunner(client, out(), err());
        JsonNode plan;
        try (Progress progress = Progress.start("promote", 2, err(), progressOption.mode())) {
            progress.step("computing the plan " + source + " -> " + target);
            plan = client.send("POST", "/api/v1/promotions", ServerClient.JSON, Output.compact(request())).json()
                    .path("plan");
            progress.stepDone();
        }
        if (runner.show(plan, target) == 0) {
            out().println("Nothing to promote: '" + target + "' already has the content of '" + source + "'.");
            return OK;
        }
        if (!runner.confirmed(yes, "Promote to '" + target + "'?")) {
            return FAILED;
        }
        JsonNode outcome;
        try (Progress progress = Progress.start("promote", 2, 1, err(), progressOption.mode())) {
            progress.step("applying plan " + plan.path("id").asText());
            outcome = runner.apply(plan.path("id").asText(), null);
            progress.stepDone();
        }
        runner.report(outcome);
        return OK;
    }

    private ObjectNode request() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("source", source).put("target", target).put("dryRun", true).put("prune", prune);
        ObjectNode selection = body.putObject("selection");
        boolean some = add(selection, "dashboards", dashboards) | add(selection, "folders", folders)
                | add(selection, "dashboardTags", tags) | add(selection, "datasources", datasources);
        if (!some) {
            selection.put("all", true);
        }
        if (uidMap != null) {
            body.set("datasourceUidMap", Json.mapper().valueToTree(uidMap));
        }
        if (nameMap != null) {
            body.set("datasourceNameMap", Json.mapper().valueToTree(nameMap));
        }
        return body;
    }

    private static boolean add(ObjectNode selection, String member, List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        ArrayNode array = selection.putArray(member);
        values.forEach(array::add);
        return true;
    }
}
