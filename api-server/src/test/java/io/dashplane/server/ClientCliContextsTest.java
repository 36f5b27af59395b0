package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the client commands connect to: flags over {@code DASHPLANE_*} variables over the configuration file's
 * context. The CLI runs as a child JVM with an environment of the test's choosing (no terminal attached).
 */
class ClientCliContextsTest extends ServerTestSupport {
    /** Nothing listens there: a connection that uses it fails. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path home;

    @BeforeEach
    void environments() {
        for (String env : List.of("ctx", "var", "flag")) {
            assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"" + env + "\"}").status());
            assertEquals(201, api.post("/api/v1/environments/" + env + "/folders",
                    "{\"uid\":\"only-in-" + env + "\",\"title\":\"" + env + "\"}").status());
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    /** {@code dashplane ARGS} in a child JVM whose environment is {@code env} (plus PATH), with no terminal. */
    Run dashplane(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Set<String> ours = builder.environment().keySet().stream()
                .filter(k -> k.startsWith("DASHPLANE_") || k.equals("XDG_CONFIG_HOME")).collect(Collectors.toSet());
        ours.forEach(builder.environment()::remove);
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI did not finish");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String url() {
        return server.baseUri().toString();
    }

    private void context(String server, String token, String env) throws IOException, InterruptedException {
        Run set = dashplane(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()),
                "context", "set", "main", "--server", server, "--token", token, "-e", env);
        assertEquals(0, set.exitCode(), set.toString());
    }

    private static Map<String, String> xdg(Path home, String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theCurrentContextOfTheConfigurationFileIsUsedWhenNoFlagOrVariableSaysOtherwise() throws Exception {
        context(url(), ClientCliTest.TOKEN, "ctx");
        assertTrue(Files.exists(home.resolve("xdg/dashplane/config.yaml")), "~/.config/dashplane/config.yaml");
        Run list = dashplane(xdg(home), "list", "folders");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("only-in-ctx"), list.toString());

        Run contexts = dashplane(xdg(home), "context", "list");
        assertTrue(contexts.out().startsWith("* main  " + url()), contexts.toString());
        assertTrue(contexts.out().contains("token=(set)") && !contexts.out().contains(ClientCliTest.TOKEN), contexts.toString());
    }

    @Test
    void variablesOverrideTheContextAndFlagsOverrideVariables() throws Exception {
        context(NOWHERE, "dpt_wrong-token", "ctx");
        Run variables = dashplane(xdg(home, "DASHPLANE_SERVER", url(), "DASHPLANE_TOKEN", ClientCliTest.TOKEN,
                "DASHPLANE_ENV", "var"), "list", "folders");
        assertEquals(0, variables.exitCode(), variables.toString());
        assertTrue(variables.out().contains("only-in-var"), variables.toString());

        Run flags = dashplane(xdg(home, "DASHPLANE_SERVER", NOWHERE, "DASHPLANE_TOKEN", "dpt_wrong-token",
                "DASHPLANE_ENV", "var"), "list", "folders", "--server", url(), "--token", ClientCliTest.TOKEN,
                "--env", "flag");
        assertEquals(0, flags.exitCode(), flags.toString());
        assertTrue(flags.out().contains("only-in-flag"), flags.toString());

        Run context = dashplane(xdg(home), "list", "folders");
        assertEquals(1, context.exitCode(), context.toString());
        assertTrue(context.err().contains("cannot connect to " + NOWHERE), context.toString());
    }

    @Test
    void aNamedContextIsChosenWithTheFlagOrTheVariableAndUseMakesItCurrent() throws Exception {
        context(NOWHERE, "dpt_wrong-token", "ctx");
        Path file = home.resolve("other.yaml");
        Run set = dashplane(Map.of("DASHPLANE_CLI_CONFIG", file.toString()), "context", "set", "second",
                "--server", url(), "--token", ClientCliTest.TOKEN, "--env", "flag");
        assertEquals(0, set.exitCode(), set.toString());
        assertTrue(Files.readString(file).contains("second"), "DASHPLANE_CLI_CONFIG names the file");
        assertEquals(0, dashplane(xdg(home), "context", "set", "second", "--server", url(), "--token",
                ClientCliTest.TOKEN, "--env", "var").exitCode());

        Run byVariable = dashplane(xdg(home, "DASHPLANE_CONTEXT", "second"), "list", "folders");
        assertTrue(byVariable.out().contains("only-in-var"), byVariable.toString());
        Run unknown = dashplane(xdg(home), "list", "folders", "--context", "third");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no context 'third'"), unknown.toString());

        assertEquals(0, dashplane(xdg(home), "context", "use", "second").exitCode());
        Run current = dashplane(xdg(home), "list", "folders");
        assertTrue(current.out().contains("only-in-var"), current.toString());
    }

    @Test
    void promoteInAProcessWithoutATerminalIsRefusedUnlessYesIsGiven() throws Exception {
        Run refused = dashplane(Map.of("DASHPLANE_SERVER", url(), "DASHPLANE_TOKEN", ClientCliTest.TOKEN),
                "promote", "ctx", "var");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.out().contains("+ folder only-in-ctx (create)"), refused.toString());
        assertTrue(refused.err().contains("there is no terminal to ask on"), refused.toString());
        assertEquals(404, api.get("/api/v1/environments/var/folders/only-in-ctx").status());

        Run applied = dashplane(Map.of("DASHPLANE_SERVER", url(), "DASHPLANE_TOKEN", ClientCliTest.TOKEN),
                "promote", "ctx", "var", "--yes");
        assertEquals(0, applied.exitCode(), applied.toString());
        assertEquals(200, api.get("/api/v1/environments/var/folders/only-in-ctx").status());
    }
}
