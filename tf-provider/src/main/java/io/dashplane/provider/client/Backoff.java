package io.dashplane.provider.client;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter between retry attempts. */
record Backoff(Duration base, Duration max) {
    static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    /**
     * Delay before retry number {@code attempt} (0 for the first retry): base * 2^attempt, capped,
     * randomized to between half and all of it; a server's Retry-After (seconds) is a lower bound.
     */
    Duration delay(int attempt, OptionalLong retryAfterSeconds) {
        long ceiling = base.toMillis() << Math.min(attempt, 20);
        ceiling = Math.min(Math.max(ceiling, 1), max.toMillis());
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        if (retryAfterSeconds.isPresent()) {
            millis = Math.max(millis, Math.min(retryAfterSeconds.getAsLong() * 1000, max.toMillis()));
        }
        return Duration.ofMillis(millis);
    }
}
