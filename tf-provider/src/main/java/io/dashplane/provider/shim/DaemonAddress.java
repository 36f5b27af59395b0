package io.dashplane.provider.shim;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the provider daemon of this user and this installation listens: a private per-user directory, and in it
 * a name derived from the lib directory, its jars (names, sizes, modification times) and the java binary, so that
 * a rebuilt or upgraded provider, or another JDK, never talks to an older daemon.
 */
public record DaemonAddress(Path directory, String name) {
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

    /** Refuses a directory that is a link, is not ours, or that the group or others may access. */
    static void checkPrivate(Path dir, String uid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the provider daemon directory " + dir + " is not a directory (or is a symbolic link)");
        }
        Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!String.valueOf(owner).equals(uid)) {
            throw new IOException("the provider daemon directory " + dir + " belongs to user id " + owner
                    + ", not to you (" + uid + "); remove it or set DASHPLANE_PROVIDER_DAEMON=off");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!perms.equals(PosixFilePermissions.fromString("rwx------"))) {
            throw new IOException("the provider daemon directory " + dir + " has permissions "
                    + PosixFilePermissions.toString(perms) + "; it must be rwx------ (chmod 700 it)"
                    + " or set DASHPLANE_PROVIDER_DAEMON=off");
        }
    }

    /** 16 hex digits of FNV-1a 64 over the installation's identity (not a secret: the directory is private). */
    static String name(Path libDir, String javaBinary) throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add(libDir.toAbsolutePath().normalize().toString());
        parts.add(javaBinary);
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(libDir, "*.jar")) {
            stream.forEach(jars::add);
        }
        Collections.sort(jars);
        for (Path jar : jars) {
            parts.add(jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis());
        }
        long hash = 0xcbf29ce484222325L;
        for (char c : String.join("\n", parts).toCharArray()) {
            hash ^= c;
            hash *= 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }
}
