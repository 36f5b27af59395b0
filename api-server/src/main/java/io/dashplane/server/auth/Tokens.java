package io.dashplane.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token format and hashing. A token is {@code dpt_} followed by 32 random bytes (SecureRandom) in
 * unpadded base64url: 256 bits of entropy and a prefix secret scanners can recognise.
 *
 * <p>Only SHA-256(token) is stored. A slow password hash (bcrypt, Argon2) exists to make guessing
 * low-entropy human passwords expensive; a 256-bit random token cannot be guessed however fast the
 * hash is, so a fast hash loses nothing and lets a request find its token by an indexed lookup
 * instead of trying every stored hash. The lookup leaks nothing useful by timing (an attacker cannot
 * choose hash prefixes), and the found hash is compared again in constant time.
 */
public final class Tokens {
    public static final String PREFIX = "dpt_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** What lists show to recognise a token: its prefix and 4 more characters (24 of 256 bits; the rest stays secret). */
    public static String hint(String token) {
        int keep = token.startsWith(PREFIX) ? PREFIX.length() + 4 : 4;
        return token.substring(0, Math.min(keep, token.length() / 4)) + "...";
    }
}
