package io.dashplane.provider.daemon;

import io.dashplane.provider.plugin.HandshakeSettings;
import io.dashplane.provider.plugin.HcLog;
import io.dashplane.provider.plugin.PluginServer;
import io.dashplane.provider.plugin.ProviderLoader;
import io.dashplane.provider.plugin.SessionResources;
import io.dashplane.provider.shim.ChannelStreams;
import io.dashplane.provider.shim.ShimProtocol;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One go-plugin session for one shim, as a plugin process would serve it: the shim's environment decides the
 * cookie, protocol, port range and client certificate; a fresh server certificate (made ahead, used once), gRPC
 * server and provider instance belong to this session alone (the event loops are shared), and its threads log to this shim's stderr. Ends on Shutdown (exit
 * status 0 to the shim) or when the shim's connection closes (Terraform killed it).
 */
final class DaemonSession {
    private final SocketChannel channel;
    private final DataInputStream in;
    private final long id;
    private final DataOutputStream out;
    private final SessionResources shared;

    DaemonSession(SocketChannel channel, DataInputStream in, long id, SessionResources shared) {
        this.channel = channel;
        this.in = in;
        this.id = id;
        this.shared = shared;
        this.out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
    }

    void run() throws IOException {
        long start = System.nanoTime();
        int argCount = in.readInt();
        for (int i = 0; i < argCount; i++) {
            ShimProtocol.readString(in); // no session argument changes anything yet; --debug stays in-process
        }
        java.nio.file.Path workingDirectory = java.nio.file.Path.of(ShimProtocol.readString(in));
        int envCount = in.readInt();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < envCount; i++) {
            env.put(ShimProtocol.readString(in), ShimProtocol.readString(in));
        }
        HcLog.Sink sink = HcLog.Sink.fromEnvironment(
                new PrintStream(new BufferedOutputStream(new StderrFrames(), 8192), false, StandardCharsets.UTF_8),
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
                running = PluginServer.startSession(settings, () -> ProviderLoader.load(env, workingDirectory),
                        threadsFor(sink), shared);
                trace.mark("tls and grpc server started");
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                exit(sink, "terraform-provider-dashplane: " + e.getMessage(), 1);
                return;
            }
            frame(ShimProtocol.STDOUT_LINE, running.handshakeLine().getBytes(StandardCharsets.UTF_8));
            trace.mark("handshake line sent");
            HcLog.debug("plugin session " + id + " serving protocol " + running.protocolVersion() + " on "
                    + running.address());
            Thread watcher = new Thread(() -> stopWhenShimGoes(running), "daemon-session-" + id + "-watch");
            watcher.setDaemon(true);
            watcher.start();
            running.awaitTermination();
            running.stop(); // releases the session's pools after a Shutdown too
            sink.out().flush();
            exitFrame(0);
        } finally {
            HcLog.useOnThisThread(null);
        }
    }

    /** The shim sends nothing after its request: end of stream means it is gone. */
    private void stopWhenShimGoes(PluginServer running) {
        try {
            while (in.read() >= 0) {
                // ignore
            }
        } catch (IOException e) {
            // closed: the same as end of stream
        }
        if (!running.isTerminated()) {
            running.stop();
        }
    }

    private void exit(HcLog.Sink sink, String message, int status) throws IOException {
        sink.out().println(message);
        sink.out().flush();
        exitFrame(status);
    }

    private void exitFrame(int status) {
        try {
            synchronized (out) {
                out.writeByte(ShimProtocol.EXIT);
                out.writeInt(status);
                out.flush();
            }
        } catch (IOException e) {
            // the shim is gone
        }
    }

    private void frame(byte kind, byte[] bytes) throws IOException {
        synchronized (out) {
            out.writeByte(kind);
            if (kind == ShimProtocol.STDOUT_LINE) {
                ShimProtocol.writeString(out, new String(bytes, StandardCharsets.UTF_8));
            } else {
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
        }
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

    /** The session's stderr: bytes to the shim; dropped once the shim is gone. */
    private final class StderrFrames extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!channel.isOpen()) {
                return;
            }
            byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
            try {
                frame(ShimProtocol.STDERR_BYTES, copy);
            } catch (IOException e) {
                // the shim is gone; the session stops when its watcher sees the closed connection
            }
        }
    }
}
