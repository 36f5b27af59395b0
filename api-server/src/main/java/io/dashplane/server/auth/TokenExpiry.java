package io.dashplane.server.auth;

import io.dashplane.server.errors.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The expiry of a new token from its request: {@code expiresInSeconds} or {@code expiresAt}, in the
 * future and at most {@link #MAX_LIFETIME} away. The bound keeps every expiry a four-digit-year RFC 3339
 * instant and every computation inside {@link Instant}'s range; a token that needs no end is created
 * without either field.
 */
public final class TokenExpiry {
    /** The longest lifetime a token may be given (docs/security.md). */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3650);
    private static final String MAX_TEXT = MAX_LIFETIME.toDays() + " days (" + MAX_LIFETIME.toSeconds() + " seconds)";

    private TokenExpiry() {
    }

    /** The expiry instant, or null for a token that does not expire; 422 with a pointer for anything else. */
    public static Instant of(TokenRequest request, Instant now) {
        if (request.expiresAt() != null && request.expiresInSeconds() != null) {
            throw DomainException.invalid("/expiresAt", "give expiresAt or expiresInSeconds, not both");
        }
        if (request.expiresInSeconds() != null) {
            long seconds = request.expiresInSeconds();
            if (seconds <= 0) {
                throw DomainException.invalid("/expiresInSeconds", "expiresInSeconds must be positive");
            }
            if (seconds > MAX_LIFETIME.toSeconds()) {
                throw DomainException.invalid("/expiresInSeconds",
                        "expiresInSeconds must be at most " + MAX_TEXT + ", the longest token lifetime");
            }
            return now.plusSeconds(seconds);
        }
        if (request.expiresAt() != null) {
            Instant at = parse(request.expiresAt());
            if (!at.isAfter(now)) {
                throw DomainException.invalid("/expiresAt", "expiresAt must be in the future");
            }
            if (at.isAfter(now.plus(MAX_LIFETIME))) {
                throw DomainException.invalid("/expiresAt",
                        "expiresAt must be at most " + MAX_TEXT + " from now, the longest token lifetime");
            }
            return at;
        }
        return null;
    }

    /** RFC 3339 date-time with {@code Z} or a numeric offset; no signed or five-digit years. */
    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("/expiresAt",
                    "expiresAt must be an RFC 3339 date-time such as 2027-01-01T00:00:00Z");
        }
    }
}
