package io.dashplane.provider.daemon;

import io.dashplane.provider.plugin.HandshakeSettings;
import io.dashplane.provider.plugin.HcLog;
import io.dashplane.provider.plugin.PluginServer;
import io.dashplane.provider.plugin.ProviderLoader;
import io.dashplane.provider.plugin.SessionResources;
import io.dashplane.provider.shim.ShimProtocol;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One go-plugin session for one shim, as a plugin process would serve it: the shim's environment decides the
 * cookie, protocol, port range and client certificate; a fresh server certificate (made ahead, used once), gRPC
 * server and provider instance belong to this session alone (the event loops are shared), and its threads log to
 * this shim's stderr. Ends on Shutdown (exit status 0 to the shim) or when the shim's connection closes (Terraform
 * killed it).
 */
final class DaemonSession {
    private final SessionRequest request;
    private final ShimLink link;
    private final long id;
    private final SessionResources shared;
    private final long start;

    DaemonSession(SessionRequest request, ShimLink link, long id, SessionResources shared, long start) {
        this.request = request;
        this.link = link;
        this.id = id;
        this.shared = shared;
        this.start = start;
    }

    void run() throws IOException {
        Map<String, String> env = request.env();
        HcLog.Sink sink = HcLog.Sink.fromEnvironment(
                new PrintStream(new BufferedOutputStream(link.stderr(), 8192), false, StandardCharsets.UTF_8),
                env.get("TF_LOG_PROVIDER"), env.get("TF_LOG"));
        HcLog.admitJulLevel(sink.threshold());
        HcLog.useOnThisThread(sink);
        SessionTrace trace = new SessionTrace(env.get("DASHPLANE_STARTUP_TRACE") != null, start, sink.out());
        trace.mark("request read");
        try {
            HandshakeSettings settings;
            try {
                settings = HandshakeSettings.fromEnvironment(env);
            } catch (IllegalArgumentException e) {
                exit(sink, "terraform-provider-dashplane: " + e.getMessage(), 1);
                return;
            }
            if (!settings.cookieValid()) {
                exit(sink, ShimProtocol.NOT_FOR_DIRECT_USE, 1);
                return;
            }
            PluginServer running;
            try {
                running = PluginServer.startSession(settings,
                        () -> ProviderLoader.load(env, request.workingDirectory()), threadsFor(sink), shared);
                trace.mark("tls and grpc server started");
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                exit(sink, "terraform-provider-dashplane: " + e.getMessage(), 1);
                return;
            }
            link.handshakeLine(running.handshakeLine());
            trace.mark("handshake line sent");
            HcLog.debug("plugin session " + id + " serving protocol " + running.protocolVersion() + " on "
                    + running.address());
            Thread watcher = new Thread(() -> stopWhenShimGoes(running), "daemon-session-" + id + "-watch");
            watcher.setDaemon(true);
            watcher.start();
            running.awaitTermination();
            running.stop(); // releases the session's pools after a Shutdown too
            sink.out().flush();
            link.exit(0);
        } finally {
            HcLog.useOnThisThread(null);
        }
    }

    private void stopWhenShimGoes(PluginServer running) {
        link.awaitShimGone();
        if (!running.isTerminated()) {
            running.stop();
        }
    }

    private void exit(HcLog.Sink sink, String message, int status) {
        sink.out().println(message);
        sink.out().flush();
        link.exit(status);
    }

    private ThreadFactory threadsFor(HcLog.Sink sink) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(() -> {
                HcLog.useOnThisThread(sink);
                task.run();
            }, "session-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
