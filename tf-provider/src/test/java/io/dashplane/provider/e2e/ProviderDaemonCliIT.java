package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.harness.ConfigServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider daemon under the real Terraform CLI (skipped without a {@code terraform} on PATH): configurations
 * run at the same time share one daemon, each with its own session and environment (DASHPLANE_ENVIRONMENT); turned off, the provider
 * plans and applies in its own process as before.
 */
class ProviderDaemonCliIT {
    @RegisterExtension
    static final ConfigServer first = ConfigServer.perTestClass();
    @RegisterExtension
    static final ConfigServer second = ConfigServer.perTestClass();

    private static final String FOLDER = """
            resource "dashplane_folder" "ml" {
              uid   = "ml"
              title = "%s"
            }
            """;

    @Test
    void twoConfigurationsRunAtOnceShareOneDaemonAndEachUsesItsOwnServerAndToken(@TempDir Path work) throws Exception {
        first.newEnvironment("alpha");
        second.newEnvironment("beta");
        RealTerraform a = RealTerraform.in(Files.createDirectories(work.resolve("a")), first, "alpha", first.token());
        a.env().put("DASHPLANE_PROVIDER_DAEMON", "on"); // the default; explicit here, as this class compares both
        RealTerraform b = new RealTerraform(a.terraform(), Files.createDirectories(work.resolve("b")),
                new HashMap<>(a.env()));
        b.env().put("TF_VAR_dashplane_url", second.url());
        // each server has only its own environment: a session reading the other's DASHPLANE_ENVIRONMENT would fail
        b.env().put("DASHPLANE_ENVIRONMENT", "beta");
        Files.writeString(a.dir().resolve("main.tf"), RealTerraform.PROVIDER + FOLDER.formatted("first"));
        Files.writeString(b.dir().resolve("main.tf"), RealTerraform.PROVIDER + FOLDER.formatted("second"));
        a.ok("init", "-input=false");
        b.ok("init", "-input=false");

        both(a, b, "apply", "-auto-approve", "-input=false");
        long daemon = daemonPid(work.resolve("a"), a.env());
        assertEquals("first", first.object("alpha", "folders/ml").path("title").asText());
        assertEquals("second", second.object("beta", "folders/ml").path("title").asText());

        both(a, b, "plan", "-detailed-exitcode", "-input=false");
        assertEquals(daemon, daemonPid(work.resolve("a"), a.env()), "the same daemon served the second run");
        String status = daemon(work.resolve("a"), a.env(), "status");
        Matcher served = Pattern.compile("served (\\d+) to Java shims, (\\d+) over the fast path").matcher(status);
        assertTrue(served.find(), status);
        assertTrue(Integer.parseInt(served.group(2)) > Integer.parseInt(served.group(1)),
                "once the daemon runs, Terraform's provider starts are served by the bash fast path: " + status);
        a.ok("destroy", "-auto-approve", "-input=false");
        b.ok("destroy", "-auto-approve", "-input=false");
    }

    @Test
    void turnedOffTheProviderPlansAndAppliesInItsOwnProcess(@TempDir Path work) throws Exception {
        RealTerraform tf = RealTerraform.in(work, first, "default", first.token());
        tf.env().put("DASHPLANE_PROVIDER_DAEMON", "off");
        Files.writeString(tf.dir().resolve("main.tf"), RealTerraform.PROVIDER + FOLDER.formatted("in process")
                .replace("\"ml\"", "\"in-process\""));
        tf.ok("init", "-input=false");
        TerraformCliIT.Result apply = tf.ok("apply", "-auto-approve", "-input=false");
        assertTrue(apply.output().contains("1 added"), apply.transcript());
        assertNotNull(first.object("default", "folders/in-process"));
        tf.planFindsNothing("the apply");
        assertTrue(daemon(work, tf.env(), "status").startsWith("not running"), "no daemon was started");
        tf.ok("destroy", "-auto-approve", "-input=false");
    }

    /** Runs the same command in both configurations at the same time; both must succeed. */
    private static void both(RealTerraform a, RealTerraform b, String... args) throws Exception {
        CompletableFuture<TerraformCliIT.Result> other = CompletableFuture.supplyAsync(() -> {
            try {
                return b.run(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, r -> new Thread(r, "second-terraform").start());
        TerraformCliIT.Result mine = a.run(args);
        TerraformCliIT.Result theirs = other.get(5, TimeUnit.MINUTES);
        assertEquals(0, mine.exit(), mine.transcript());
        assertEquals(0, theirs.exit(), theirs.transcript());
    }

    private static long daemonPid(Path work, Map<String, String> env) throws Exception {
        String status = daemon(work, env, "status");
        assertTrue(status.startsWith("running pid "), status);
        return Long.parseLong(status.split(" ")[2]);
    }

    /** {@code daemon <command>} of the executable Terraform installed from the configuration's mirror. */
    private static String daemon(Path work, Map<String, String> env, String command) throws Exception {
        Path executable;
        try (Stream<Path> files = Files.walk(work.resolve("mirror"))) {
            executable = files.filter(p -> p.getFileName().toString().startsWith("terraform-provider-dashplane_v"))
                    .findFirst().orElseThrow();
        }
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "daemon", command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.trim();
    }
}
