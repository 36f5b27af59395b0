package io.dashplane.server.auth;

/**
 * An API token as listed: never the secret, only a {@code hint} (the prefix and first characters) to
 * recognise it. {@code expiresAt}, {@code revokedAt}, {@code lastUsedAt} may be null.
 */
public record ApiToken(String id, String accountId, String name, String hint, String expiresAt, String revokedAt,
                       String lastUsedAt, String createdAt) {
}
