package io.dashplane.provider.daemon;

import io.dashplane.provider.framework.Durations;
import io.dashplane.provider.plugin.HcLog;
import io.dashplane.provider.plugin.SessionResources;
import io.dashplane.provider.shim.ChannelStreams;
import io.dashplane.provider.shim.ShimProtocol;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-user provider daemon: a long-lived JVM (C1 only, for its resident size; see ShimMain#startDaemon)
 * serving one go-plugin session per shim connection on its Unix domain socket. Exits after
 * DASHPLANE_PROVIDER_DAEMON_IDLE (Go-style duration, default 10m) without sessions, on SIGTERM and on
 * {@code daemon stop}. Usage: {@code ProviderDaemon <socket path>}; the pid file sits next to the socket.
 */
public final class ProviderDaemon {
    static final long DEFAULT_IDLE_MILLIS = 10 * 60_000L;

    private final Path socket;
    private final Path pidFile;
    private final long idleMillis;
    private final ServerSocketChannel server;
    private final Object sessionsLock = new Object();
    private int sessions;
    private long idleSince = System.nanoTime();
    private final AtomicLong sessionIds = new AtomicLong();
    private final AtomicLong servedToJavaShims = new AtomicLong();
    private final AtomicLong servedToBashShims = new AtomicLong();
    private final SessionResources shared = new SessionResources(new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "daemon-shared-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private final FastSessions fast;

    private ProviderDaemon(Path socket, long idleMillis, ServerSocketChannel server, FastSessions fast) {
        this.socket = socket;
        this.pidFile = socket.resolveSibling(name(socket) + ".pid");
        this.idleMillis = idleMillis;
        this.server = server;
        this.fast = fast;
    }

    private static String name(Path socket) {
        return socket.getFileName().toString().replaceFirst("\\.sock$", "");
    }

    public static void main(String[] args) throws IOException {
        // started from a terminal's Terraform, the daemon would get the terminal's Ctrl-C and hang-up otherwise
        ignoreSignal("INT");
        ignoreSignal("HUP");
        HcLog.install(System.err, null, null);
        Path socket = Path.of(args[0]);
        long idle = idleMillis(System.getenv("DASHPLANE_PROVIDER_DAEMON_IDLE"));
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        FastSessions fast = FastSessions.open(socket.getParent(), name(socket),
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProviderDaemon daemon = new ProviderDaemon(socket, idle, server, fast);
        daemon.run();
    }

    static long idleMillis(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_IDLE_MILLIS;
        }
        return Durations.millis(value).map(java.math.BigDecimal::longValue).orElseGet(() -> {
            HcLog.warn("DASHPLANE_PROVIDER_DAEMON_IDLE is not a duration (e.g. 10m, 90s): " + value
                    + "; using 10m");
            return DEFAULT_IDLE_MILLIS;
        });
    }

    private void run() throws IOException {
        long pid = ProcessHandle.current().pid();
        Files.writeString(pidFile, pid + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeFiles, "daemon-exit"));
        System.err.println("provider daemon " + pid + " listening on " + socket + ", idle timeout " + idleMillis + " ms");
        Thread watchdog = new Thread(this::exitWhenIdle, "daemon-idle-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Thread fastDoor = new Thread(() -> fast.serve((request, link) -> {
            servedToBashShims.incrementAndGet();
            runSession(request, link);
        }),
                "daemon-fast-path");
        fastDoor.setDaemon(true);
        fastDoor.start();
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return; // closed by the idle watchdog, which exits the process
                }
                throw e;
            }
            Thread t = new Thread(() -> serve(channel), "daemon-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel channel) {
        try (channel) {
            DataInputStream in = new DataInputStream(ChannelStreams.in(channel));
            int kind = in.readInt();
            switch (kind) {
                case ShimProtocol.SESSION -> {
                    UnixShimLink link = new UnixShimLink(channel, in);
                    SessionRequest request = link.readRequest();
                    fast.register(link.readLauncher());
                    servedToJavaShims.incrementAndGet();
                    runSession(request, link);
                }
                case ShimProtocol.STATUS -> answer(channel, status());
                case ShimProtocol.STOP -> {
                    answer(channel, "stopping " + status());
                    System.exit(0);
                }
                default -> answer(channel, "unknown request " + kind);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("session ended: " + e);
        }
    }

    private void runSession(SessionRequest request, ShimLink link) throws IOException {
        long start = System.nanoTime();
        begin();
        try {
            new DaemonSession(request, link, sessionIds.incrementAndGet(), shared, start).run();
        } finally {
            end();
        }
    }

    private String status() {
        synchronized (sessionsLock) {
            return "running pid " + ProcessHandle.current().pid() + " sessions " + sessions + " socket " + socket
                    + " served " + servedToJavaShims.get() + " to Java shims, " + servedToBashShims.get()
                    + " over the fast path (port " + fast.port() + ")";
        }
    }

    private static void answer(SocketChannel channel, String text) throws IOException {
        DataOutputStream out = new DataOutputStream(ChannelStreams.out(channel));
        ShimProtocol.writeString(out, text);
        out.flush();
    }

    private void begin() {
        synchronized (sessionsLock) {
            sessions++;
        }
    }

    private void end() {
        synchronized (sessionsLock) {
            sessions--;
            idleSince = System.nanoTime();
        }
    }

    private void exitWhenIdle() {
        while (true) {
            try {
                Thread.sleep(Math.max(10, Math.min(1000, idleMillis / 4)));
            } catch (InterruptedException e) {
                return;
            }
            synchronized (sessionsLock) {
                if (sessions == 0 && (System.nanoTime() - idleSince) / 1_000_000L >= idleMillis) {
                    System.err.println("no session for " + idleMillis + " ms: exiting");
                    try {
                        server.close();
                    } catch (IOException e) {
                        // exiting anyway
                    }
                    System.exit(0);
                }
            }
        }
    }

    /** Only our own files: a newer daemon for the same installation may already have replaced them. */
    private void removeFiles() {
        fast.removeFiles();
        try {
            String owner = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            if (owner.equals(String.valueOf(ProcessHandle.current().pid()))) {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            System.err.println("cannot remove " + socket + ": " + e.getMessage());
        }
    }

    private static void ignoreSignal(String name) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            System.err.println("cannot ignore SIG" + name + ": " + e.getMessage());
        }
    }
}
