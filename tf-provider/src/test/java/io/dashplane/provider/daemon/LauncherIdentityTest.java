package io.dashplane.provider.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherIdentityTest {
    private static final Path SESSION_BASH = Path.of("src/dist/lib/shim/session.bash");

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "/home/me/.terraform.d/plugins/registry.terraform.io/dashplane/dashplane/0.1.0/linux_amd64, /usr/lib/jvm/java-17-openjdk-amd64/bin/java",
            "/opt/prövider dir/ünïcode, /opt/jdk 25/bin/java",
            "/, /j"})
    void theKeyIsTheOneTheBashFastPathComputesForTheSameLauncher(String install, String java) throws Exception {
        String key = new LauncherIdentity(install, java).key();
        assertTrue(key.matches("[0-9a-f]{8}"), key);
        assertEquals(key, bashKey(install + "\n" + java));
    }

    /** Runs the launcher_key function of lib/shim/session.bash on the text. */
    private static String bashKey(String text) throws Exception {
        String script = Files.readString(SESSION_BASH);
        int start = script.indexOf("launcher_key() {");
        String function = script.substring(start, script.indexOf("\n}\n", start) + 3);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", function + "launcher_key \"$1\"; printf '%s' \"$key\"",
                "bash", text);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process bash = pb.start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }
}
