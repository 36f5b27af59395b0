package io.dashplane.schema.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The integration types Dashplane validates, with their required and secret settings as Grafana's
 * alerting defines them. Other Grafana types are accepted with a warning and no setting checks;
 * their settings are stored as sent.
 */
public final class IntegrationTypes {
    public static final String EMAIL = "email";
    public static final String SLACK = "slack";
    public static final String PAGERDUTY = "pagerduty";
    public static final String WEBHOOK = "webhook";
    public static final String TEAMS = "teams";
    public static final String OPSGENIE = "opsgenie";
    public static final String TELEGRAM = "telegram";
    public static final String DISCORD = "discord";
    public static final String GOOGLECHAT = "googlechat";

    private static final Map<String, IntegrationType> TYPES = new LinkedHashMap<>();

    static {
        add(new IntegrationType(EMAIL, List.of("addresses"), List.of(), List.of()));
        add(new IntegrationType(SLACK, List.of(), List.of("url", "endpointUrl"), List.of("token", "url")));
        add(new IntegrationType(PAGERDUTY, List.of("integrationKey"), List.of("url"), List.of("integrationKey")));
        add(new IntegrationType(WEBHOOK, List.of("url"), List.of("url"), List.of(
                "password", "authorization_credentials", "tlsConfig.caCertificate", "tlsConfig.clientCertificate",
                "tlsConfig.clientKey", "hmacConfig.secret")));
        add(new IntegrationType(TEAMS, List.of("url"), List.of("url"), List.of()));
        add(new IntegrationType(OPSGENIE, List.of("apiKey"), List.of("apiUrl"), List.of("apiKey")));
        add(new IntegrationType(TELEGRAM, List.of("bottoken", "chatid"), List.of(), List.of("bottoken")));
        add(new IntegrationType(DISCORD, List.of("url"), List.of("url", "avatar_url"), List.of("url")));
        add(new IntegrationType(GOOGLECHAT, List.of("url"), List.of("url"), List.of("url")));
    }

    /** Types Grafana knows that Dashplane stores without checking their settings. */
    public static final Set<String> PASS_THROUGH_TYPES = Set.of("prometheus-alertmanager", "dingding", "kafka",
            "LINE", "line", "pushover", "sensugo", "threema", "victorops", "wecom", "webex", "sns", "oncall", "mqtt",
            "jira");

    private IntegrationTypes() {
    }

    private static void add(IntegrationType type) {
        TYPES.put(type.type(), type);
    }

    public static Optional<IntegrationType> find(String type) {
        return Optional.ofNullable(type == null ? null : TYPES.get(type));
    }

    /** The validated types in a stable order. */
    public static List<IntegrationType> all() {
        return List.copyOf(TYPES.values());
    }

    /** Secret settings of {@code type} as dotted paths; empty for types without secrets or unknown types. */
    public static List<String> secretSettings(String type) {
        return find(type).map(IntegrationType::secretSettings).orElse(List.of());
    }
}
