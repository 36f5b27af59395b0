package io.dashplane.server.auth;

/**
 * Body of POST /api/v1/service-accounts/{id}/tokens. {@code expiresAt} (RFC 3339) or
 * {@code expiresInSeconds}; neither means the token does not expire.
 */
public record TokenRequest(String name, String expiresAt, Long expiresInSeconds) {
}
