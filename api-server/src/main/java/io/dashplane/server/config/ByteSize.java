package io.dashplane.server.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size as written in flags, variables and the config file: a whole number of bytes with an optional unit,
 * binary ({@code KiB}, {@code MiB}, {@code GiB}) or decimal ({@code KB}, {@code MB}, {@code GB}), case-insensitive:
 * {@code 16MiB}, {@code 500KB}, {@code 1048576}.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,15})\\s*([A-Za-z]*)\\s*");
    private static final Map<String, Long> UNITS = Map.of("", 1L, "b", 1L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L);

    private ByteSize() {
    }

    /** The number of bytes; {@code what} names the setting in the error. */
    public static long parse(String what, String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        Long unit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new IllegalArgumentException(what + " must be a size such as 16MiB, 500KB or 1048576, was '" + text + "'");
        }
        long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        if (bytes <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was '" + text + "'");
        }
        return bytes;
    }
}
