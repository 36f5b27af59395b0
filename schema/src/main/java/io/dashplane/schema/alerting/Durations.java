package io.dashplane.schema.alerting;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus/Grafana duration strings: one or more number-unit pairs in descending unit order,
 * each unit at most once ({@code 1h30m}, {@code 5m}, {@code 300s}, {@code 0s}, {@code 250ms}, {@code 1w}).
 * Units: y (365 d), w, d, h, m, s, ms. A bare {@code 0} is accepted as zero, as Prometheus does.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");
    private static final String[] ORDER = {"y", "w", "d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a specific message when invalid. */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("duration must not be empty");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(text);
        Duration total = Duration.ZERO;
        int position = 0;
        int lastUnit = -1;
        while (position < text.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m or 1h30m");
            }
            int unit = unitIndex(matcher.group(2));
            if (unit <= lastUnit) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: units must appear once each, largest first");
            }
            lastUnit = unit;
            long amount;
            try {
                amount = Long.parseLong(matcher.group(1));
                total = total.plus(unitDuration(matcher.group(2)).multipliedBy(amount));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration");
            }
            position = matcher.end();
        }
        return total;
    }

    /** Explains why {@code text} is not a valid duration, or returns null when it is. */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    /**
     * Semantic equality: {@code 5m} equals {@code 300s}. Two nulls are equal; an unparsable string is
     * equal only to the identical string.
     */
    public static boolean equivalent(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        try {
            return parse(a).equals(parse(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The canonical Prometheus spelling: largest units first, e.g. 90 s -> {@code 1m30s}, zero -> {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative durations have no Prometheus spelling");
        }
        if (duration.isZero()) {
            return "0s";
        }
        long millis = duration.toMillis();
        StringBuilder out = new StringBuilder();
        for (String unit : ORDER) {
            long size = unitDuration(unit).toMillis();
            long amount = millis / size;
            if (amount > 0) {
                out.append(amount).append(unit);
                millis -= amount * size;
            }
        }
        return out.toString();
    }

    private static int unitIndex(String unit) {
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i].equals(unit)) {
                return i;
            }
        }
        throw new IllegalStateException(unit);
    }

    private static Duration unitDuration(String unit) {
        return switch (unit) {
            case "y" -> Duration.ofDays(365);
            case "w" -> Duration.ofDays(7);
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            case "s" -> Duration.ofSeconds(1);
            case "ms" -> Duration.ofMillis(1);
            default -> throw new IllegalStateException(unit);
        };
    }
}
