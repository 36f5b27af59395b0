package io.dashplane.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address in fixed windows. Once an address reaches the
 * limit, every authentication attempt from it is refused until its window ends, so guessing tokens
 * (or basic-auth passwords) is slowed to {@code limit} attempts per window.
 */
public final class AuthFailureThrottle {
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int failures) {}

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public AuthFailureThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code address} must wait, when it has used up its failures in the current window. */
    public Optional<Duration> blockedFor(String address) {
        Window w = windows.get(address);
        Instant now = clock.instant();
        if (w == null || w.failures() < limit) {
            return Optional.empty();
        }
        Instant end = w.start().plus(window);
        if (!now.isBefore(end)) {
            windows.remove(address, w);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, end));
    }

    public void recordFailure(String address) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        windows.compute(address, (a, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }
}
