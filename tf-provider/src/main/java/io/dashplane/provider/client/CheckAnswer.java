package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's answer to one {@link DashboardCheck}: what the write would answer.
 *
 * @param failure null when the write would succeed; else the exception the write would have thrown
 * @param body    the body the write would answer (its result with {@code warnings}, or its problem document)
 */
public record CheckAnswer(DashplaneApiException failure, JsonNode body) {
    public boolean valid() {
        return failure == null;
    }
}
