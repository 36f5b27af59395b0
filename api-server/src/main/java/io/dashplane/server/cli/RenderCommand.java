package io.dashplane.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.render.DashplaneClient;
import io.dashplane.server.render.TreeRenderer;
import io.dashplane.server.render.TreeWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dashplane render --server URL --env ENV --out DIR}: writes an environment as a Grafana provisioning tree;
 * with {@code --watch} keeps it current from the server's change feed. Exit 0, 1 when the server cannot be read
 * (without {@code --watch}), 2 for bad usage.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write an environment of a Dashplane server as a Grafana provisioning tree "
                + "(datasources/, dashboards/, alerting/, secrets.env.example).",
                "With --watch, keep it current: long-polls the server's change feed and rewrites only files whose "
                        + "bytes changed (atomically); files of removed objects are deleted."})
public final class RenderCommand implements Callable<Integer> {
    /** How long one long poll waits on the server. */
    static final int POLL_SECONDS = 30;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Base URL of the Dashplane server")
    URI server;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment to render")
    String env;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory")
    Path out;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DASHPLANE_TOKEN}",
            description = "API token (Viewer of ENV; Admin for --secrets plain); default: $DASHPLANE_TOKEN")
    String token;

    @Option(names = "--grafana-path", paramLabel = "PATH", defaultValue = "/etc/grafana/provisioning",
            description = "Where Grafana sees DIR; dashboard provider paths are written below it (default: ${DEFAULT-VALUE})")
    String grafanaPath;

    @Option(names = "--watch", description = "Keep the tree current until stopped")
    boolean watch;

    /** How secrets are written; picocli refuses any other value (exit 2, naming the allowed ones). */
    enum Secrets { env, plain }

    @Option(names = "--secrets", paramLabel = "env|plain", defaultValue = "env",
            description = "env (default): secrets as $${VAR} references listed in secrets.env.example; "
                    + "plain: contact point secrets as values (needs an Admin token)")
    Secrets secrets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DashplaneClient client = new DashplaneClient(server, env, token);
        TreeRenderer renderer = new TreeRenderer(client, grafanaPath, secrets == Secrets.plain, err);
        TreeWriter writer = new TreeWriter(this.out.toAbsolutePath());
        try {
            if (!watch) {
                report(out, writer.write(renderer.render(writer.previous("alerting/dashplane.yaml"))));
                return 0;
            }
            watch(client, renderer, writer, out, err);
            return 0;
        } catch (IOException e) {
            err.println("dashplane render: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Renders, then long-polls the change feed from the sequence seen before that render and renders again after
     * every change (files whose bytes did not change are left alone). Errors are printed and retried with a
     * backoff doubling up to {@link #MAX_BACKOFF}. Runs until interrupted.
     */
    private static void watch(DashplaneClient client, TreeRenderer renderer, TreeWriter writer, PrintWriter out,
                              PrintWriter err) throws InterruptedException {
        Long since = null;
        Duration backoff = Duration.ofSeconds(1);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (since == null) {
                    long latest = latest(client);
                    report(out, writer.write(renderer.render(writer.previous("alerting/dashplane.yaml"))));
                    since = latest; // only once rendered: a failed render is tried again from the start
                }
                JsonNode batch = client.get("changes?since=" + since + "&wait=" + POLL_SECONDS,
                        Duration.ofSeconds(POLL_SECONDS + 30));
                long sequence = batch.path("sequence").asLong();
                if (batch.path("changes").size() > 0 || sequence < since) {
                    // sequence < since: the server's feed restarted (a restored database): render from scratch
                    report(out, writer.write(renderer.render(writer.previous("alerting/dashplane.yaml"))));
                }
                since = sequence;
                backoff = Duration.ofSeconds(1);
            } catch (IOException e) {
                err.println("dashplane render: " + e.getMessage() + "; retrying in " + backoff.toSeconds() + " s");
                err.flush();
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        throw new InterruptedException();
    }

    /** The environment's latest sequence number: a {@code since} beyond it answers at once with it. */
    private static long latest(DashplaneClient client) throws IOException, InterruptedException {
        return client.get("changes?since=" + Long.MAX_VALUE).path("sequence").asLong();
    }

    private static void report(PrintWriter out, TreeWriter.Outcome outcome) {
        if (outcome.changed()) {
            out.println("rendered: " + outcome.written().size() + " file(s) written, " + outcome.deleted().size()
                    + " deleted");
        } else {
            out.println("rendered: unchanged");
        }
        out.flush();
    }
}
