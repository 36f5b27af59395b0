package io.dashplane.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address in fixed windows. Once an address reaches the
 * limit, its further failed attempts are answered 429 with Retry-After until its window ends. Valid
 * credentials are never refused (the filter checks them before asking here), so the throttle cannot be
 * used to lock out the accounts behind a shared address; guessing is no threat to 256-bit tokens, the
 * throttle tells a misbehaving client to back off. A success does not clear the count: otherwise any
 * holder of one valid token could interleave it with guesses to stay below the limit.
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

    /** How long {@code address} is throttled, when it has used up its failures in the current window. */
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
