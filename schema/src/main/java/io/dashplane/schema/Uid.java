package io.dashplane.schema;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The identity rule shared by every object: 1-40 characters of {@code [A-Za-z0-9_-]}. */
public final class Uid {
    public static final int MAX_LENGTH = 40;
    public static final String PATTERN_TEXT = "^[A-Za-z0-9_-]{1,40}$";
    private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int GENERATED_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uid() {
    }

    public static boolean isValid(String uid) {
        return uid != null && PATTERN.matcher(uid).matches();
    }

    /** Explains why {@code uid} is invalid, or returns null when it is valid. */
    public static String problem(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "uid must not be empty";
        }
        if (uid.length() > MAX_LENGTH) {
            return "uid must be at most " + MAX_LENGTH + " characters (got " + uid.length() + ")";
        }
        if (!PATTERN.matcher(uid).matches()) {
            return "uid may contain only letters, digits, '-' and '_'";
        }
        return null;
    }

    public static String generate() {
        char[] chars = new char[GENERATED_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
