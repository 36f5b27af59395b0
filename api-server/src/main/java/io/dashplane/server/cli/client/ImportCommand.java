package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.cli.progress.Progress;
import io.dashplane.server.cli.progress.ProgressOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dashplane import -f BUNDLE}: the import plan (dry run) shown as unified diffs, a confirmation (or
 * {@code --yes}), then that plan applied, with the secrets of {@code --secrets FILE} when the bundle creates
 * objects that need them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a bundle (from 'dashplane export', JSON or YAML) into the environment: show the plan "
                + "as unified diffs, ask, apply it.",
                "Without a terminal, --yes is required. Exit 0 when applied or nothing to do, 1 on error or when "
                        + "not confirmed."})
public final class ImportCommand extends ClientCommand {
    @Mixin
    ProgressOption progressOption;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "The bundle")
    Path bundle;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "JSON {\"secrets\": {DATASOURCE_UID: {KEY: VALUE}}, \"contactPointSecrets\": "
                    + "{NAME: {\"INDEX/KEY\": VALUE}}} for the secret inputs of objects the import creates")
    Path secrets;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking")
    boolean yes;

    @Option(names = "--prune", description = "Also delete datasources, folders and dashboards the bundle lacks")
    boolean prune;

    @Override
    int run() throws ClientException {
        String text = read(bundle);
        String secretsBody = secrets == null ? null : read(secrets);
        String environment = connection.environment();
        PlanRunner runner = new PlanRunner(client, out(), err());
        JsonNode plan;
        try (Progress progress = Progress.start("import", 2, err(), progressOption.mode())) {
            progress.step("computing the import plan for '" + environment + "'");
            String type = text.stripLeading().startsWith("{") ? ServerClient.JSON : ServerClient.YAML;
            plan = client.send("POST", envPath() + "/import?dryRun=true&prune=" + prune, type, text).json()
                    .path("plan");
            progress.stepDone();
        }
        if (runner.show(plan, environment) == 0) {
            out().println("Nothing to import: '" + environment + "' already has the bundle's content.");
            return OK;
        }
        if (!runner.confirmed(yes, "Import into '" + environment + "'?")) {
            return FAILED;
        }
        JsonNode outcome;
        try (Progress progress = Progress.start("import", 2, 1, err(), progressOption.mode())) {
            progress.step("applying plan " + plan.path("id").asText());
            outcome = runner.apply(plan.path("id").asText(), secretsBody);
            progress.stepDone();
        }
        runner.report(outcome);
        return OK;
    }

    private static String read(Path file) throws ClientException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ClientException(file + " cannot be read: " + e.getMessage());
        }
    }
}
