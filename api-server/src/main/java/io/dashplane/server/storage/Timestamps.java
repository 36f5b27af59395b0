package io.dashplane.server.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Server-owned timestamps: RFC 3339 UTC with millisecond precision, stored as text. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String now() {
        return format(Instant.now());
    }

    public static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
