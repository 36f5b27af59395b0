package io.dashplane.server.alerting;

/**
 * An object that names another by name: {@code kind} is {@code notification-policy} (the root),
 * {@code notification-route} or {@code alert-rule}; {@code uid} is null for the root.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Referrer(String kind, String uid, String pointer) {
}
