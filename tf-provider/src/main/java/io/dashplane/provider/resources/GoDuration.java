package io.dashplane.provider.resources;

import io.dashplane.provider.framework.SemanticEquality;
import io.dashplane.provider.framework.Validator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration syntax ({@code time.ParseDuration}), which the server accepts for a sync target's resync interval:
 * number+unit parts with units ns, us (or \u00b5s), ms, s, m, h, e.g. "5m", "1h30m", "90s", "1.5h". No days: "1d" is
 * not a Go duration, so it is refused at plan time rather than by the server at apply.
 */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
            "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** The duration in nanoseconds, or empty when the text is not a positive Go duration ("0" alone is zero). */
    static Optional<BigDecimal> nanos(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("0")) {
            return Optional.of(BigDecimal.ZERO);
        }
        Matcher matcher = PART.matcher(text);
        BigDecimal total = BigDecimal.ZERO;
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                return Optional.empty();
            }
            total = total.add(new BigDecimal(matcher.group(1).startsWith(".") ? "0" + matcher.group(1) : matcher.group(1))
                    .multiply(BigDecimal.valueOf(UNIT_NANOS.get(matcher.group(2)))));
            position = matcher.end();
        }
        return position == text.length() ? Optional.of(total) : Optional.empty();
    }

    /** A positive Go duration. */
    static Validator positive() {
        return (path, value, diagnostics) -> {
            Optional<BigDecimal> nanos = nanos(value.asString());
            if (nanos.isEmpty()) {
                diagnostics.error(path, "Invalid duration", "expected a Go duration such as \"30s\", \"5m\" or \"1h30m\""
                        + " (units ns, us, ms, s, m, h), got \"" + value.asString() + "\"");
            } else if (nanos.get().signum() == 0) {
                diagnostics.error(path, "Invalid duration", "must be longer than zero, got \"" + value.asString() + "\"");
            }
        };
    }

    /** "5m", "300s" and "5m0s" are the same interval. */
    static SemanticEquality equality() {
        return (a, b) -> {
            if (a.equals(b)) {
                return true;
            }
            Optional<BigDecimal> left = nanos(a.asString());
            Optional<BigDecimal> right = nanos(b.asString());
            return left.isPresent() && right.isPresent() && left.get().compareTo(right.get()) == 0;
        };
    }
}
