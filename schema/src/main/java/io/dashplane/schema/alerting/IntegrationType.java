package io.dashplane.schema.alerting;

import java.util.List;

/**
 * What Dashplane knows about one integration type: the settings that must be present and non-blank
 * ({@code requiredSettings}), the settings that must be an absolute http(s) URL when present
 * ({@code urlSettings}) and the settings that are secrets ({@code secretSettings}, dotted paths into the
 * settings object such as {@code tlsConfig.clientKey}). Conditional rules (Slack: a webhook url, or a
 * token and a recipient) live in {@link ContactPointValidator}.
 */
public record IntegrationType(String type, List<String> requiredSettings, List<String> urlSettings,
                              List<String> secretSettings) {
    public IntegrationType {
        requiredSettings = List.copyOf(requiredSettings);
        urlSettings = List.copyOf(urlSettings);
        secretSettings = List.copyOf(secretSettings);
    }
}
