package io.dashplane.schema.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grafana's integration types with their required, URL and secret settings as Grafana's alerting
 * defines them (secret settings are the fields its notifier schemas mark secure). Required settings
 * are the ones Grafana's own validation insists on, not its form's required fields. A type not listed
 * here is refused, so no secret of an unknown type is ever stored in plain text.
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
    public static final String ALERTMANAGER = "prometheus-alertmanager";
    public static final String DINGDING = "dingding";
    public static final String JIRA = "jira";
    public static final String KAFKA = "kafka";
    /** Grafana spells the LINE type in capitals; the lower-case spelling is accepted as well. */
    public static final String LINE = "LINE";
    public static final String LINE_LOWER_CASE = "line";
    public static final String MQTT = "mqtt";
    public static final String ONCALL = "oncall";
    public static final String PUSHOVER = "pushover";
    public static final String SENSUGO = "sensugo";
    public static final String SNS = "sns";
    public static final String THREEMA = "threema";
    public static final String VICTOROPS = "victorops";
    public static final String WEBEX = "webex";
    public static final String WECOM = "wecom";

    private static final List<String> TLS_SECRETS = List.of("caCertificate", "clientCertificate", "clientKey");

    private static final Map<String, IntegrationType> TYPES = new LinkedHashMap<>();

    static {
        add(new IntegrationType(EMAIL, List.of("addresses"), List.of(), List.of()));
        add(new IntegrationType(SLACK, List.of(), List.of("url", "endpointUrl"), List.of("token", "url")));
        add(new IntegrationType(PAGERDUTY, List.of("integrationKey"), List.of("url"), List.of("integrationKey")));
        add(new IntegrationType(WEBHOOK, List.of("url"), List.of("url"), concat(
                List.of("password", "authorization_credentials"), under("tlsConfig", TLS_SECRETS),
                List.of("hmacConfig.secret", "http_config.oauth2.client_secret"),
                under("http_config.oauth2.tls_config", TLS_SECRETS))));
        add(new IntegrationType(TEAMS, List.of("url"), List.of("url"), List.of()));
        add(new IntegrationType(OPSGENIE, List.of("apiKey"), List.of("apiUrl"), List.of("apiKey")));
        add(new IntegrationType(TELEGRAM, List.of("bottoken", "chatid"), List.of(), List.of("bottoken")));
        add(new IntegrationType(DISCORD, List.of("url"), List.of("url", "avatar_url"), List.of("url")));
        add(new IntegrationType(GOOGLECHAT, List.of("url"), List.of("url"), List.of("url")));
        // url may list several Alertmanagers, comma-separated: ContactPointValidator checks each.
        add(new IntegrationType(ALERTMANAGER, List.of("url"), List.of(), List.of("basicAuthPassword")));
        add(new IntegrationType(DINGDING, List.of("url"), List.of("url"), List.of("url")));
        // Credentials: api_token, or user and password (checked in ContactPointValidator).
        add(new IntegrationType(JIRA, List.of("api_url", "project", "issue_type"), List.of("api_url"),
                List.of("user", "password", "api_token")));
        add(new IntegrationType(KAFKA, List.of("kafkaRestProxy", "kafkaTopic"), List.of("kafkaRestProxy"),
                List.of("password")));
        add(new IntegrationType(LINE, List.of("token"), List.of(), List.of("token")));
        add(new IntegrationType(LINE_LOWER_CASE, List.of("token"), List.of(), List.of("token")));
        // brokerUrl is tcp://, ssl://, ws:// ... rather than http(s), so it is not a URL setting here.
        add(new IntegrationType(MQTT, List.of("brokerUrl", "topic"), List.of(),
                concat(List.of("password"), under("tlsConfig", TLS_SECRETS))));
        add(new IntegrationType(ONCALL, List.of("url"), List.of("url"),
                List.of("password", "authorization_credentials")));
        add(new IntegrationType(PUSHOVER, List.of("userKey", "apiToken"), List.of(), List.of("userKey", "apiToken")));
        add(new IntegrationType(SENSUGO, List.of("url", "apikey"), List.of("url"), List.of("apikey")));
        // A topic_arn, target_arn or phone_number is needed (checked in ContactPointValidator).
        add(new IntegrationType(SNS, List.of(), List.of("api_url"), List.of("sigv4.access_key", "sigv4.secret_key")));
        add(new IntegrationType(THREEMA, List.of("gateway_id", "recipient_id", "api_secret"), List.of(),
                List.of("api_secret")));
        add(new IntegrationType(VICTOROPS, List.of("url"), List.of("url"), List.of("url")));
        // Grafana's validation requires neither room_id nor bot_token (its form does), so neither is required here.
        add(new IntegrationType(WEBEX, List.of(), List.of("api_url"), List.of("bot_token")));
        // A webhook url, or an API app: secret with agent_id and corp_id (checked in ContactPointValidator).
        add(new IntegrationType(WECOM, List.of(), List.of("url", "endpointUrl"), List.of("url", "secret")));
    }

    private IntegrationTypes() {
    }

    private static List<String> under(String prefix, List<String> names) {
        return names.stream().map(name -> prefix + "." + name).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
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
