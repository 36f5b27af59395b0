package io.dashplane.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dashplane validate}: offline, exit codes and file:line / file#pointer messages. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theExampleDirectoryIsValid() {
        Run r = run("validate", "-e", "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0/B0/x",
                "-e", "PROMETHEUS_TOKEN=t0ken", examples().resolve("provisioning").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("ok: 1 path(s)"), r.toString());
    }

    @Test
    void anUnsetVariableIsAnErrorNamingTheVariableFileAndLineUnlessItHasADefault() {
        // PROMETHEUS_URL has a default in the example (${PROMETHEUS_URL:-...}); the other two do not
        Run unset = run("validate", examples().resolve("provisioning").toString());
        assertEquals(1, unset.code(), unset.toString());
        assertTrue(unset.err().contains("datasources/staging.yaml:20: environment variable PROMETHEUS_TOKEN is not set;"
                + " set it or write ${PROMETHEUS_TOKEN:-default}"), unset.toString());
        assertTrue(unset.err().contains("alerting/staging.yaml:107: environment variable SLACK_WEBHOOK_URL is not set"),
                unset.toString());
        assertTrue(!unset.err().contains("PROMETHEUS_URL"), unset.toString());
    }

    @Test
    void errorsExitNonZeroWithFileLineAndPointer() throws IOException {
        Path root = dir.resolve("prov");
        Files.createDirectories(root.resolve("datasources"));
        Files.writeString(root.resolve("datasources/bad.yaml"), "apiVersion: 1\ndatasources:\n  - name: X\n    type: prometheus\n    colour: red\n");
        Path dashboard = dir.resolve("dash.json");
        Files.writeString(dashboard, "{\"uid\":\"d\",\"panels\":[]}");
        Path malformed = dir.resolve("broken.json");
        Files.writeString(malformed, "{\n  \"uid\": \"d\",\n  \"title\": }\n");

        Run r = run("validate", root.toString(), dashboard.toString(), malformed.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(root.resolve("datasources/bad.yaml") + ":5: unknown key 'colour'"), r.err());
        assertTrue(r.err().contains(dashboard + "#/title: title is required"), r.err());
        assertTrue(r.err().contains(malformed + ":3: "), r.err());
        assertTrue(r.out().startsWith("3 error(s)"), r.out());

        Run single = run("validate", root.resolve("datasources/bad.yaml").toString());
        assertEquals(1, single.code());
        Run missing = run("validate", dir.resolve("nothing.yaml").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file or directory"), missing.err());
    }

    @Test
    void aBundleOverTheRequestBodyLimitIsAnErrorUnlessTheLimitIsRaisedLikeTheServers() throws IOException {
        // 13 MB: over the default 10MiB that the server answers with 413
        Path big = dir.resolve("big.json");
        String head = "{\"apiVersion\": 1, \"dashboards\": [{\"uid\": \"big\", \"dashboard\": "
                + "{\"uid\": \"big\", \"title\": \"Big\", \"schemaVersion\": 39, \"description\": \"";
        Files.writeString(big, head + "x".repeat(13_000_000) + "\"}}]}");
        long size = Files.size(big);
        Run refused = run("validate", big.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains(big + ": is " + size + " bytes, over the server's request body limit of 10485760 bytes"),
                refused.toString());

        Path config = dir.resolve("server.yaml");
        Files.writeString(config, "maxBodySize: 16MiB\n");
        for (Run raised : List.of(run("validate", "--max-body-size", "16MiB", big.toString()),
                run("validate", "--config", config.toString(), big.toString()))) {
            assertEquals(0, raised.code(), raised.toString());
        }
        Run bad = run("validate", "--max-body-size", "lots", big.toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--max-body-size must be a size such as 16MiB"), bad.toString());
    }

    @Test
    void anExportedBundleValidates() throws IOException {
        Path bundle = dir.resolve("bundle.yaml");
        Files.writeString(bundle, "apiVersion: 1\nfolders:\n  - uid: a\n    title: A\n  - uid: b\n    title: B\n    parentUid: missing\n");
        Run r = run("validate", bundle.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(bundle + "#/folders/1/parentUid: folder 'missing' is not in the bundle"), r.err());
    }

    @Test
    void absoluteProviderPathsNeedAnAllowedRoot() throws IOException {
        Path root = dir.resolve("prov");
        Path grafana = Files.createDirectories(dir.resolve("var/lib/grafana/dashboards"));
        Files.writeString(grafana.resolve("d.json"), "{\"uid\":\"d\",\"title\":\"D\",\"schemaVersion\":39,\"panels\":[]}");
        Files.createDirectories(root.resolve("dashboards"));
        Files.writeString(root.resolve("dashboards/grafana.yaml"),
                "apiVersion: 1\nproviders:\n  - name: g\n    options:\n      path: " + grafana + "\n");

        Run refused = run("validate", root.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains(root.resolve("dashboards/grafana.yaml") + ":5: path '" + grafana + "' ("),
                refused.err());
        assertTrue(refused.err().contains("is outside the allowed roots (the provisioning root " + root + ")"), refused.err());

        Run allowed = run("validate", "--provisioning-allowed-root", dir.resolve("var/lib/grafana").toString(), root.toString());
        assertEquals(0, allowed.code(), allowed.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("validate").code());
    }

    static Path examples() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/provisioning"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("examples/provisioning not found");
        }
        return d.resolve("examples");
    }

    @Test
    void validateHelpPrintsTheVariableSyntaxAndNoCommandHelpPrintsNull() {
        Run help = run("validate", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("$NAME / ${NAME}"), help.out());
        for (String command : new CommandLine(new Main()).getSubcommands().keySet()) {
            Run r = run(command, "--help");
            assertEquals(0, r.code(), command + ": " + r);
            assertTrue(!r.out().matches("(?s).*\\bnull\\b.*"), command + " --help prints null: " + r.out());
        }
    }
}
