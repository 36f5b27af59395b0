package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.json.Json;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands ({@code dashplane list/get/apply/diff/export/import/promote/history/restore-version}), run
 * through the real CLI entry point against a real server over HTTP; examples/cli is what they apply.
 */
class ClientCliTest extends ServerTestSupport {
    static final String TOKEN = ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN;

    @TempDir
    Path work;

    /** The CLI with this server, its admin token and a configuration file of the test's own. */
    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", server.baseUri().toString(), "--token", TOKEN,
                "--config", work.resolve("config.yaml").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    static Path example(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found");
    }

    private void applyExample() {
        CliRun folders = cli("import", "-f", example("examples/cli/folders.yaml").toString(), "--yes");
        assertEquals(0, folders.exitCode(), folders.toString());
        CliRun applied = cli("apply", "-f", example("examples/cli/content").toString());
        assertEquals(0, applied.exitCode(), applied.toString());
    }

    /** Without a terminal (as here) progress is plain lines; {@code --progress=bar} draws the bar anyway. */
    @Test
    void progressIsABarWhenAskedForAndPlainLinesWhenAskedForOrWithoutATerminal() {
        CliRun barImport = cli("import", "-f", example("examples/cli/folders.yaml").toString(), "--yes",
                "--progress=bar");
        assertEquals(0, barImport.exitCode(), barImport.toString());
        assertTrue(barImport.err().contains("\rimport  50% [") && barImport.err().contains("\rimport 100% ["),
                barImport.toString());
        assertFalse(barImport.err().contains("[1/2]"), barImport.toString());

        CliRun bar = cli("apply", "-f", example("examples/cli/content").toString(), "--progress=bar");
        assertEquals(0, bar.exitCode(), bar.toString());
        assertTrue(bar.err().contains("\rapply 100% [") && bar.err().contains("] 4/4 "), bar.toString());
        assertFalse(bar.err().contains("[4/4] alerting"), bar.toString());

        CliRun plain = cli("apply", "-f", example("examples/cli/content").toString(), "--progress=plain");
        assertEquals(0, plain.exitCode(), plain.toString());
        assertTrue(plain.err().contains("[4/4] alerting ml-rules.yaml"), plain.toString());
        assertFalse(plain.err().contains("%"), plain.toString());

        CliRun wrong = cli("apply", "-f", example("examples/cli/content").toString(), "--progress=fancy");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("expected auto, bar or plain, not 'fancy'"), wrong.toString());
    }

    @Test
    void applyOfTheExampleDirectoryWritesDatasourcesDashboardsAndAlertingInOrder() {
        applyExample();
        assertEquals(200, api.get(ENV + "/datasources/prom-main").status());
        JsonNode dashboard = api.get(ENV + "/dashboards/ml-latency").json();
        assertEquals("ml", dashboard.path("meta").path("folderUid").asText());
        assertEquals("applied with dashplane apply", dashboard.path("meta").path("message").asText());
        assertEquals(200, api.get(ENV + "/dashboards/service-overview").status());
        assertEquals(200, api.get(ENV + "/alert-rules/ml-p99-latency-high").status());

        CliRun again = cli("apply", "-f", example("examples/cli/content").toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("alerting ml-rules.yaml: unchanged"), again.toString());
        assertTrue(again.err().contains("[4/4] alerting ml-rules.yaml"), "plain progress lines without a terminal: " + again);
    }

    @Test
    void listShowsATableAndJsonAndGetShowsOneObjectAsJsonOrYaml() throws IOException {
        applyExample();
        CliRun table = cli("list", "dashboards");
        assertEquals(0, table.exitCode(), table.toString());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).matches("UID\\s+TITLE\\s+FOLDER\\s+TAGS\\s+VERSION"), table.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("ml-latency\\s+ML prediction latency\\s+ml\\s+ml\\s+1")),
                table.toString());
        assertEquals(3, lines.size(), table.toString());

        CliRun json = cli("list", "ds", "-o", "json");
        assertEquals("prom-main", Json.mapper().readTree(json.out()).get(0).path("uid").asText(), json.toString());

        CliRun rules = cli("list", "alert-rules");
        assertTrue(rules.out().contains("ml-p99-latency-high"), rules.toString());

        CliRun get = cli("get", "dashboard", "service-overview");
        assertEquals("Service overview", Json.mapper().readTree(get.out()).path("dashboard").path("title").asText());
        CliRun yaml = cli("get", "rule-group", "ml/ml-latency", "-o", "yaml");
        assertTrue(yaml.out().contains("interval: 1m"), yaml.toString());
    }

    @Test
    void aRefusedWriteShowsTheServersProblemWithItsPointerAndExits1AndADryRunWritesNothing() throws IOException {
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, """
                {"uid": "bad", "title": "Bad", "panels": [{"id": 1, "type": "text", "gridPos": {"x": 20, "y": 0, "w": 12, "h": 4}}]}
                """);
        CliRun run = cli("apply", "-f", bad.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("422"), run.toString());
        assertTrue(run.err().contains("at /dashboard/panels/0/gridPos/w: "), run.toString());
        assertEquals(404, api.get(ENV + "/dashboards/bad").status());

        Files.writeString(bad, Files.readString(bad).replace("\"x\": 20", "\"x\": 0"));
        CliRun dryRun = cli("apply", "--dry-run", "-f", bad.toString());
        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("dashboards/bad: valid"), dryRun.toString());
        assertEquals(404, api.get(ENV + "/dashboards/bad").status(), "a dry run writes nothing");

        CliRun missing = cli("get", "dashboards", "nope");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("404") && missing.err().contains("nope"), missing.toString());
    }

    @Test
    void diffOfFilesExits0WhenTheEnvironmentMatchesAnd2WithAUnifiedDiffWhenItDoesNot() throws IOException {
        applyExample();
        CliRun same = cli("diff", "-f", example("examples/cli/content").toString());
        assertEquals(0, same.exitCode(), same.toString());
        assertEquals("", same.out(), same.toString());

        Path changed = work.resolve("service-overview.json");
        Files.writeString(changed, Files.readString(example("examples/cli/content/dashboards/service-overview.json"))
                .replace("\"Service overview\"", "\"Service overview v2\""));
        CliRun differs = cli("diff", "-f", changed.toString());
        assertEquals(2, differs.exitCode(), differs.toString());
        assertTrue(differs.out().contains("--- default/dashboards/service-overview"), differs.toString());
        assertTrue(differs.out().contains("+++ local/dashboards/service-overview"), differs.toString());
        assertTrue(differs.out().contains("-    \"title\" : \"Service overview\","), differs.toString());
        assertTrue(differs.out().contains("+    \"title\" : \"Service overview v2\","), differs.toString());

        CliRun broken = cli("diff", "-f", work.resolve("absent.json").toString());
        assertEquals(1, broken.exitCode(), broken.toString());
        CliRun usage = cli("diff");
        assertEquals(1, usage.exitCode(), "a usage error is not 'differences': " + usage);
    }

    @Test
    void diffOfTwoEnvironmentsShowsEachObjectThatDiffers() {
        applyExample();
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}").status());
        CliRun empty = cli("diff", "--against", "prod");
        assertEquals(2, empty.exitCode(), empty.toString());
        assertTrue(empty.out().contains("--- default/dashboards/ml-latency\n+++ /dev/null"), empty.toString());
        assertTrue(empty.out().contains("--- default/folders/ml"), empty.toString());

        CliRun self = cli("diff", "-e", "prod", "--against", "prod");
        assertEquals(0, self.exitCode(), self.toString());
    }

    @Test
    void promoteShowsThePlanAsADiffAndAppliesItWithYes() {
        applyExample();
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}").status());
        assertEquals(201, api.post("/api/v1/environments/prod/datasources",
                "{\"uid\":\"prom-prod\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://p:9090\"}").status());

        CliRun refused = cli("promote", "default", "prod");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.out().contains("+ dashboard ml-latency (create)"), refused.toString());
        assertTrue(refused.out().contains("prom-main -> prom-prod"), refused.toString());
        assertTrue(refused.err().contains("run again with --yes"), refused.toString());
        assertEquals(404, api.get("/api/v1/environments/prod/dashboards/ml-latency").status());

        CliRun applied = cli("promote", "default", "prod", "--yes");
        assertEquals(0, applied.exitCode(), applied.toString());
        assertTrue(applied.out().contains("Applied plan"), applied.toString());
        assertEquals(200, api.get("/api/v1/environments/prod/dashboards/ml-latency").status());

        CliRun nothing = cli("promote", "default", "prod");
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.out().contains("Nothing to promote"), nothing.toString());
    }

    @Test
    void exportThenImportIntoAnEmptyEnvironmentGivesTheSameBundle() throws IOException {
        applyExample();
        Path bundle = work.resolve("bundle.yaml");
        CliRun export = cli("export", "--out", bundle.toString());
        assertEquals(0, export.exitCode(), export.toString());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"copy\"}").status());

        CliRun refused = cli("import", "-e", "copy", "-f", bundle.toString());
        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals(404, api.get("/api/v1/environments/copy/dashboards/ml-latency").status());

        CliRun imported = cli("import", "-e", "copy", "-f", bundle.toString(), "--yes");
        assertEquals(0, imported.exitCode(), imported.toString());
        CliRun again = cli("export", "-e", "copy");
        assertEquals(Files.readString(bundle).strip(), again.out().strip());
    }

    @Test
    void historyListsVersionsAndRestoreVersionWritesTheOldContentAsANewVersion() throws IOException {
        applyExample();
        Path changed = work.resolve("service-overview.json");
        Files.writeString(changed, Files.readString(example("examples/cli/content/dashboards/service-overview.json"))
                .replace("\"Service overview\"", "\"Service overview v2\""));
        assertEquals(0, cli("apply", "-f", changed.toString()).exitCode());

        CliRun history = cli("history", "service-overview");
        assertEquals(0, history.exitCode(), history.toString());
        List<String> lines = history.out().lines().toList();
        assertTrue(lines.get(0).matches("VERSION\\s+CREATED\\s+MESSAGE"), history.toString());
        assertTrue(lines.get(1).startsWith("2 "), history.toString());
        assertTrue(lines.get(2).startsWith("1 "), history.toString());

        CliRun restored = cli("restore-version", "service-overview", "--version", "1");
        assertEquals(0, restored.exitCode(), restored.toString());
        assertTrue(restored.out().contains("restored as version 3"), restored.toString());
        assertEquals("Service overview", api.get(ENV + "/dashboards/service-overview").json()
                .path("dashboard").path("title").asText());

        CliRun ruleHistory = cli("history", "ml-p99-latency-high", "--kind", "rule");
        assertEquals(0, ruleHistory.exitCode(), ruleHistory.toString());
        assertTrue(ruleHistory.out().lines().skip(1).findFirst().orElse("").startsWith("1 "), ruleHistory.toString());
    }

    @Test
    void completionPrintsABashScriptCoveringTheClientCommands() {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("complete -F _complete_dashplane"), run.toString());
        assertTrue(run.out().contains("promote") && run.out().contains("--against"), "commands and options");
        assertFalse(run.out().isBlank());
    }
}
