package io.dashplane.provider.shim;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the provider daemon of this user and this installation listens: a private per-user directory, and in it
 * a name derived from the lib directory, its jars (names, sizes, modification times) and the java binary, so that
 * a rebuilt or upgraded provider, or another JDK, never talks to an older daemon.
 */
public final class DaemonAddress {
    private final Path directory;
    private final String name;

    DaemonAddress(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    public Path directory() {
        return directory;
    }

    public String name() {
        return name;
    }

    public Path socket() {
        return directory.resolve(name + ".sock");
    }

    public Path lockFile() {
        return directory.resolve(name + ".lock");
    }

    public Path pidFile() {
        return directory.resolve(name + ".pid");
    }

    public Path logFile() {
        return directory.resolve(name + ".log");
    }

    public static DaemonAddress of(Map<String, String> env, String uid, Path libDir, String javaBinary)
            throws IOException {
        return new DaemonAddress(privateDirectory(env, uid), name(libDir, javaBinary));
    }

    /** ${XDG_RUNTIME_DIR}/dashplane-provider, else ${TMPDIR:-/tmp}/dashplane-provider-UID; created 0700. */
    static Path privateDirectory(Map<String, String> env, String uid) throws IOException {
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path dir;
        if (runtime != null && !runtime.isBlank()) {
            dir = Path.of(runtime, "dashplane-provider");
        } else {
            String tmp = env.get("TMPDIR");
            dir = Path.of(tmp == null || tmp.isBlank() ? "/tmp" : tmp, "dashplane-provider-" + uid);
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another shim created it: checked below like any existing directory
            }
        }
        checkPrivate(dir, uid);
        return dir;
    }

    /**
     * Refuses a directory that is a link, is not ours, or that the group or others may access. One lstat: the
     * "unix" view's mode carries the file type and the permission bits (on the hot path of every plugin start).
     */
    static void checkPrivate(Path dir, String uid) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attributes.get("mode");
        if ((mode & 0170000) != 0040000) {
            throw new IOException("the provider daemon directory " + dir + " is not a directory (or is a symbolic link)");
        }
        Object owner = attributes.get("uid");
        if (!String.valueOf(owner).equals(uid)) {
            throw new IOException("the provider daemon directory " + dir + " belongs to user id " + owner
                    + ", not to you (" + uid + "); remove it or set DASHPLANE_PROVIDER_DAEMON=off");
        }
        if ((mode & 0777) != 0700) {
            throw new IOException("the provider daemon directory " + dir + " has permissions "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS))
                    + "; it must be rwx------ (chmod 700 it) or set DASHPLANE_PROVIDER_DAEMON=off");
        }
    }

    /**
     * 16 hex digits of FNV-1a 64 over the installation's identity (not a secret: the directory is private).
     * java.io.File and plain loops here: NIO directory globs, lambdas and String.format each load dozens of
     * classes, and loading classes is most of what a JVM this short-lived does.
     */
    public static String name(Path libDir, String javaBinary) throws IOException {
        StringBuilder identity = new StringBuilder(libDir.toAbsolutePath().normalize().toString());
        identity.append('\n').append(javaBinary);
        File lib = libDir.toFile();
        String[] jars = lib.list();
        if (jars == null) {
            throw new IOException("cannot list " + libDir);
        }
        Arrays.sort(jars);
        for (String jar : jars) {
            if (!jar.endsWith(".jar")) {
                continue;
            }
            File file = new File(lib, jar);
            identity.append('\n').append(jar).append(':').append(file.length()).append(':').append(file.lastModified());
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < identity.length(); i++) {
            hash ^= identity.charAt(i);
            hash *= 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return "0000000000000000".substring(hex.length()) + hex;
    }
}
