package io.dashplane.provider.shim;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Terraform starts when the provider daemon is on: a small JVM that asks the per-user provider daemon
 * (started here if none answers) for a plugin session, prints the session's handshake line on stdout, copies the
 * session's log to stderr and exits with the session's status. {@code daemon status} and {@code daemon stop}
 * manage the daemon by hand. System properties from the launcher: dashplane.lib (the lib directory),
 * dashplane.uid (the user id) and dashplane.java (the java binary the launcher resolved, empty if it could not).
 */
public final class ShimMain {
    static final String DAEMON_MAIN = "io.dashplane.provider.daemon.ProviderDaemon";
    private static final long START_WAIT_MILLIS = 30_000;
    /** The daemon gets these variables only: session secrets (tokens, certificates) stay in the sessions. */
    private static final List<String> DAEMON_ENVIRONMENT = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "XDG_RUNTIME_DIR", "JAVA_HOME", "DASHPLANE_PROVIDER_DAEMON_IDLE");

    /** With DASHPLANE_STARTUP_TRACE set: microseconds since main at each step, on stderr (see docs/performance.md). */
    private static long traceStart;

    private ShimMain() {}

    public static void main(String[] args) {
        if (System.getenv("DASHPLANE_STARTUP_TRACE") != null) {
            traceStart = System.nanoTime();
        }
        PrintStream stdout = System.out;
        System.setOut(System.err); // only the handshake line may reach stdout
        ignoreSigint(); // as a plugin process does: Terraform handles Ctrl-C and stops its plugins itself
        Map<String, String> env = System.getenv();
        try {
            boolean manage = args.length > 0 && args[0].equals("daemon");
            if (!manage && !ShimProtocol.MAGIC_COOKIE_VALUE.equals(env.get(ShimProtocol.MAGIC_COOKIE_KEY))) {
                System.err.println(ShimProtocol.NOT_FOR_DIRECT_USE);
                System.exit(1);
            }
            trace("environment");
            DaemonAddress address = DaemonAddress.of(env, System.getProperty("dashplane.uid"),
                    Path.of(System.getProperty("dashplane.lib")), javaBinary());
            trace("daemon address");
            if (manage) {
                System.exit(manage(address, args, stdout));
            }
            // A daemon that was exiting on its idle timeout may close a fresh connection unanswered: ask again once.
            for (int attempt = 0; ; attempt++) {
                try (SocketChannel channel = connectOrStart(address)) {
                    trace("connected");
                    Integer status = session(channel, args, env, stdout);
                    if (status != null) {
                        System.exit(status);
                    }
                }
                if (attempt == 1) {
                    throw new IOException("the provider daemon closed the session before its handshake; see "
                            + address.logFile());
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("terraform-provider-dashplane: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The exit status the daemon sent, or null if the connection ended before the handshake line. */
    private static Integer session(SocketChannel channel, String[] args, Map<String, String> env, PrintStream stdout)
            throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
        out.writeInt(ShimProtocol.SESSION);
        out.writeInt(args.length);
        for (String arg : args) {
            ShimProtocol.writeString(out, arg);
        }
        ShimProtocol.writeString(out, Path.of("").toAbsolutePath().toString());
        out.writeInt(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            ShimProtocol.writeString(out, e.getKey());
            ShimProtocol.writeString(out, e.getValue());
        }
        // the launcher's identity, for the bash fast path of the next starts (lib/shim/session.bash)
        Path lib = Path.of(System.getProperty("dashplane.lib"));
        ShimProtocol.writeString(out, lib.getParent() == null ? "" : lib.getParent().toString());
        ShimProtocol.writeString(out, System.getProperty("dashplane.java", ""));
        out.flush();
        trace("request sent");
        DataInputStream in = new DataInputStream(ChannelStreams.in(channel));
        boolean handshake = false;
        while (true) {
            byte kind;
            try {
                kind = in.readByte();
            } catch (EOFException e) {
                if (!handshake) {
                    return null;
                }
                System.err.println("terraform-provider-dashplane: the provider daemon ended the session unexpectedly");
                return 1;
            }
            switch (kind) {
                case ShimProtocol.STDOUT_LINE -> {
                    stdout.println(ShimProtocol.readString(in));
                    stdout.flush();
                    handshake = true;
                    trace("handshake line");
                }
                case ShimProtocol.STDERR_BYTES -> {
                    byte[] bytes = in.readNBytes(in.readInt());
                    System.err.write(bytes, 0, bytes.length);
                    System.err.flush();
                }
                case ShimProtocol.EXIT -> {
                    return in.readInt();
                }
                default -> throw new IOException("unexpected frame " + kind + " from the provider daemon");
            }
        }
    }

    private static int manage(DaemonAddress address, String[] args, PrintStream stdout) throws IOException {
        String command = args.length > 1 ? args[1] : "";
        int kind = switch (command) {
            case "status" -> ShimProtocol.STATUS;
            case "stop" -> ShimProtocol.STOP;
            default -> 0;
        };
        if (kind == 0) {
            System.err.println("usage: terraform-provider-dashplane daemon status|stop");
            return 2;
        }
        SocketChannel channel = tryConnect(address.socket());
        if (channel == null) {
            stdout.println("not running (socket " + address.socket() + ")");
            return kind == ShimProtocol.STATUS ? 3 : 0;
        }
        try (channel) {
            DataOutputStream out = new DataOutputStream(ChannelStreams.out(channel));
            out.writeInt(kind);
            out.flush();
            stdout.println(ShimProtocol.readString(new DataInputStream(ChannelStreams.in(channel))));
            return 0;
        }
    }

    /** Connects to the daemon; if none answers, starts one under the lock file (a concurrent shim waits, then connects). */
    private static SocketChannel connectOrStart(DaemonAddress address) throws IOException {
        SocketChannel channel = tryConnect(address.socket());
        if (channel != null) {
            return channel;
        }
        try (FileChannel lockChannel = FileChannel.open(address.lockFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockChannel.lock()) {
            channel = tryConnect(address.socket());
            if (channel != null) {
                return channel;
            }
            Files.deleteIfExists(address.socket()); // left by a daemon that was killed
            Process daemon = startDaemon(address);
            long deadline = System.nanoTime() + START_WAIT_MILLIS * 1_000_000L;
            while (System.nanoTime() < deadline) {
                channel = tryConnect(address.socket());
                if (channel != null) {
                    return channel;
                }
                if (!daemon.isAlive()) {
                    throw new IOException("the provider daemon exited with status " + daemon.exitValue()
                            + " at start-up; see " + address.logFile());
                }
                sleep(20);
            }
            throw new IOException("the provider daemon did not answer within " + START_WAIT_MILLIS / 1000
                    + " s; see " + address.logFile());
        }
    }

    private static Process startDaemon(DaemonAddress address) throws IOException {
        // Memory (issue 13: at most 150 MB resident during a plan of 2,000 resources; figures in docs/performance.md).
        // C1 only: C2's compiler arenas and larger code made most of the resident size above the JVM's heap and
        // metaspace. glibc's per-thread malloc arenas (MALLOC_ARENA_MAX below) and memory freed but not given back
        // (TrimNativeHeapInterval, JDK 17.0.9+/21.0.1+, left out where unknown) were the rest of the gap between
        // Native Memory Tracking's committed total and RSS, with the JDK's per-thread cache of temporary direct
        // buffers for socket I/O, unbounded by default (jdk.nio.maxCachedBufferSize).
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Xshare:auto", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xms32m", "-Xmx512m",
                "-Djdk.nio.maxCachedBufferSize=262144", "-Dio.netty.transport.noNative=true"));
        if (vmKnowsOption("TrimNativeHeapInterval")) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        String opts = System.getenv("DASHPLANE_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("dashplane.lib") + File.separator + "*", DAEMON_MAIN,
                address.socket().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().retainAll(DAEMON_ENVIRONMENT);
        env.put("MALLOC_ARENA_MAX", "2");
        // never the shim's pipes: Terraform and CI runners wait for those to close
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(address.logFile().toFile()));
        pb.redirectErrorStream(true);
        pb.directory(address.directory().toFile());
        return pb.start();
    }

    /**
     * Whether this JVM, the daemon's JDK, has the option: asked here, where the daemon starts anyway, rather than
     * with -XX:+IgnoreUnrecognizedVMOptions, which would also hide a mistyped option in DASHPLANE_JAVA_OPTS.
     */
    static boolean vmKnowsOption(String name) {
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }

    private static SocketChannel tryConnect(Path socket) throws IOException {
        if (!Files.exists(socket)) {
            return null;
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException refused) {
            channel.close();
            return null;
        }
    }

    private static void trace(String step) {
        if (traceStart != 0) {
            StringBuilder b = new StringBuilder("shim ");
            b.append((System.nanoTime() - traceStart) / 1000).append(" us: ").append(step);
            System.err.println(b);
        }
    }

    private static void ignoreSigint() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            System.err.println("terraform-provider-dashplane: cannot ignore SIGINT: " + e.getMessage());
        }
    }

    /** The running JDK's java (not ProcessHandle's command line: its class initialisation starts a thread pool). */
    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
