package io.dashplane.server.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the encryption key comes from: the configured value (base64 of 32 bytes) if any, else
 * {@code <dataDir>/secret.key}, generated with mode 0600 on first start.
 */
public final class SecretKeys {
    public static final String FILE_NAME = "secret.key";

    private SecretKeys() {
    }

    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "the configured secret key (DASHPLANE_SECRET_KEY)");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    /** A new random key, base64. */
    public static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Decodes and checks a configured key (base64 of 32 bytes). */
    public static byte[] decode(String base64) {
        return decode(base64.trim(), "the key");
    }

    /**
     * Writes {@code base64Key} to {@code <dataDir>/secret.key.new} (mode 0600). Key rotation stages the
     * new key before it commits the re-encrypted secrets, so the key that matches the database is on
     * disk whatever moment the process dies at.
     */
    public static Path stage(Path dataDir, String base64Key) {
        Path next = dataDir.resolve(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(next);
            writeOwnerOnly(next, base64Key.trim() + "\n");
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new secret key file " + next, e);
        }
    }

    /** Moves the staged key over {@code <dataDir>/secret.key} atomically. */
    public static void promoteStaged(Path dataDir) {
        try {
            Files.move(dataDir.resolve(FILE_NAME + ".new"), dataDir.resolve(FILE_NAME),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + dataDir.resolve(FILE_NAME), e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("secret key file appeared concurrently: " + file, e);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(source + " must decode to 32 bytes, got " + key.length);
        }
        return key;
    }
}
