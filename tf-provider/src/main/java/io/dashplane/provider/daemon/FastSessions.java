package io.dashplane.provider.daemon;

import io.dashplane.provider.shim.DaemonAddress;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon's loopback TCP door for the bash fast path (lib/shim/session.bash), which starts no JVM. For each
 * launcher identity a Java shim has come from, a file {@code launcher-<key>.tcp} (rw-------, in the daemon's private
 * directory) holds the port and two random tokens: the daemon greets with the first, so the shim sends nothing to
 * a port someone else took over; the shim answers with the second before its request, so nobody without the file
 * gets a session. A request from another build of the installation (its jars changed) is answered STALE.
 */
final class FastSessions {
    static final String GREETING = "DASHPLANE-PROVIDER-DAEMON ";
    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_STRINGS = 100_000;

    interface SessionRunner {
        void run(SessionRequest request, ShimLink link) throws IOException;
    }

    private final Path directory;
    private final String daemonName;
    private final String javaBinary;
    private final ServerSocket server;
    private final String daemonToken;
    private final String shimToken;
    private final Set<String> launchers = ConcurrentHashMap.newKeySet();

    private FastSessions(Path directory, String daemonName, String javaBinary, ServerSocket server) {
        this.directory = directory;
        this.daemonName = daemonName;
        this.javaBinary = javaBinary;
        this.server = server;
        SecureRandom random = new SecureRandom();
        this.daemonToken = token(random);
        this.shimToken = token(random);
    }

    static FastSessions open(Path directory, String daemonName, String javaBinary) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new FastSessions(directory, daemonName, javaBinary, server);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Accepts fast-path shims until the server is closed; each connection on its own thread. */
    void serve(SessionRunner runner) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed: the daemon is exiting
            }
            Thread t = new Thread(() -> serve(socket, runner), "daemon-fast-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket, SessionRunner runner) {
        TcpShimLink link;
        try {
            link = new TcpShimLink(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        try {
            link.line(GREETING + daemonToken);
            socket.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
            List<String> head = new ArrayList<>();
            InputStream in = link.in();
            String token = readString(in);
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), shimToken.getBytes(StandardCharsets.UTF_8))) {
                return; // not our shim: not a word more
            }
            for (int i = 0; i < 4; i++) {
                head.add(readString(in));
            }
            LauncherIdentity launcher = new LauncherIdentity(head.get(0), head.get(1));
            int argCount = Integer.parseInt(head.get(3));
            if (argCount < 0 || argCount > MAX_STRINGS) {
                return;
            }
            List<String> args = new ArrayList<>(argCount);
            for (int i = 0; i < argCount; i++) {
                args.add(readString(in));
            }
            Map<String, String> env = new HashMap<>();
            for (String entry = readString(in); !entry.isEmpty(); entry = readString(in)) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
                if (env.size() > MAX_STRINGS) {
                    return;
                }
            }
            socket.setSoTimeout(0);
            if (!servesLauncher(launcher)) {
                forget(launcher);
                link.line("STALE");
                return;
            }
            runner.run(new SessionRequest(args, Path.of(head.get(2)), env), link);
        } catch (IOException | RuntimeException e) {
            System.err.println("fast-path session ended: " + e);
        } finally {
            link.close();
        }
    }

    /**
     * Whether a Java shim of this launcher registered here and the launcher's jars are still the ones this daemon
     * was started for (a rebuild in place makes another daemon name, as the Java shim would compute it).
     */
    private boolean servesLauncher(LauncherIdentity launcher) throws IOException {
        if (!launchers.contains(launcher.key())) {
            return false;
        }
        try {
            return DaemonAddress.name(Path.of(launcher.installDirectory(), "lib"), javaBinary).equals(daemonName);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes (or rewrites, when another daemon's or none is there) the fast-path file of a Java shim's launcher. */
    void register(LauncherIdentity launcher) {
        if (!launcher.complete()) {
            return;
        }
        String key = launcher.key();
        launchers.add(key);
        Path file = fileOf(key);
        String content = content();
        try {
            if (content.equals(readOrEmpty(file))) {
                return;
            }
            Path temporary = directory.resolve("launcher-" + key + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another thread of ours is writing the same content
        } catch (IOException e) {
            System.err.println("cannot write " + file + " (the fast path stays off): " + e.getMessage());
        }
    }

    private void forget(LauncherIdentity launcher) {
        launchers.remove(launcher.key());
        removeIfOurs(fileOf(launcher.key()));
    }

    /** At exit: our files only, a newer daemon of the same launcher may have replaced them. */
    void removeFiles() {
        for (String key : launchers) {
            removeIfOurs(fileOf(key));
        }
        closeQuietly(server);
    }

    private void removeIfOurs(Path file) {
        try {
            if (content().equals(readOrEmpty(file))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("cannot remove " + file + ": " + e.getMessage());
        }
    }

    private Path fileOf(String key) {
        return directory.resolve("launcher-" + key + ".tcp");
    }

    private String content() {
        return port() + " " + daemonToken + " " + shimToken + " " + ProcessHandle.current().pid() + "\n";
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /** A NUL-terminated string; end of stream or an oversized string is an error. */
    private static String readString(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new IOException("no complete request within " + REQUEST_TIMEOUT_MILLIS + " ms");
            }
            if (b < 0) {
                throw new IOException("the shim closed the connection in its request");
            }
            if (b == 0) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            if (bytes.size() >= MAX_STRING_BYTES) {
                throw new IOException("a request string longer than " + MAX_STRING_BYTES + " bytes");
            }
            bytes.write(b);
        }
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
