package io.dashplane.provider.framework;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Grafana/Prometheus style durations: a sequence of number+unit parts, e.g. "1h30m", "1.5s", "500ms". */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|y)");
    private static final Map<String, Long> UNIT_MILLIS = Map.of(
            "ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L,
            "d", 86_400_000L, "w", 604_800_000L, "y", 31_536_000_000L);

    private Durations() {
    }

    /** The duration in milliseconds, or empty when the text is not a duration. "0" alone means zero. */
    public static Optional<BigDecimal> millis(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Optional.of(BigDecimal.ZERO);
        }
        Matcher matcher = PART.matcher(trimmed);
        BigDecimal total = BigDecimal.ZERO;
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                return Optional.empty();
            }
            total = total.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(UNIT_MILLIS.get(matcher.group(2)))));
            position = matcher.end();
        }
        return position == trimmed.length() && position > 0 ? Optional.of(total) : Optional.empty();
    }
}
