package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.validation.ValidationReport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a contact point: its name, and per integration the type, uid and the type's required settings. */
public final class ContactPointValidator {
    public static final int MAX_NAME_LENGTH = 190;
    private static final Set<String> OPSGENIE_SEND_TAGS_AS = Set.of("tags", "details", "both");
    private static final Set<String> WEBHOOK_METHODS = Set.of("POST", "PUT");
    private static final Set<String> SLACK_MENTION_CHANNEL = Set.of("", "here", "channel");
    private static final Set<String> KAFKA_API_VERSIONS = Set.of("", "v2", "v3");
    private static final Set<String> MQTT_MESSAGE_FORMATS = Set.of("", "json", "text");
    private static final Set<String> MQTT_QOS = Set.of("", "0", "1", "2");

    public ValidationReport validate(ContactPoint contactPoint, String pointerPrefix, StoredSecrets storedSecrets) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        validate(contactPoint, findings, storedSecrets, "integrations");
        return findings.report();
    }

    public ValidationReport validate(ContactPoint contactPoint, String pointerPrefix) {
        return validate(contactPoint, pointerPrefix, StoredSecrets.NONE);
    }

    /** @param listMember the JSON member holding the integrations: {@code integrations}, or {@code receivers} in files */
    public void validate(ContactPoint contactPoint, FindingCollector findings, StoredSecrets storedSecrets,
                         String listMember) {
        if (contactPoint == null) {
            findings.error("", "contact point must be a JSON object");
            return;
        }
        if (contactPoint.uid() != null && Uid.problem(contactPoint.uid()) != null) {
            findings.error("/uid", Uid.problem(contactPoint.uid()));
        }
        String name = contactPoint.name();
        if (CommonChecks.blank(name)) {
            findings.error("/name", "name is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            findings.error("/name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        List<Integration> integrations = contactPoint.integrations();
        if (integrations == null || integrations.isEmpty()) {
            findings.error("/" + listMember, "a contact point needs at least one integration");
            return;
        }
        Map<String, Integer> uids = new HashMap<>();
        for (int i = 0; i < integrations.size(); i++) {
            FindingCollector at = findings.at("/" + listMember + "/" + i);
            Integration integration = integrations.get(i);
            if (integration == null) {
                at.error("", "integration must be a JSON object");
                continue;
            }
            if (integration.uid() != null) {
                String problem = Uid.problem(integration.uid());
                if (problem != null) {
                    at.error("/uid", problem);
                } else {
                    Integer first = uids.putIfAbsent(integration.uid(), i);
                    if (first != null) {
                        at.error("/uid", "uid '" + integration.uid() + "' is already used by integration " + first);
                    }
                }
            }
            integration(integration, at, storedSecrets);
        }
    }

    private static void integration(Integration integration, FindingCollector findings, StoredSecrets storedSecrets) {
        String type = integration.type();
        if (CommonChecks.blank(type)) {
            findings.error("/type", "type is required (e.g. email, slack, pagerduty, webhook)");
            return;
        }
        JsonNode settings = integration.settings();
        if (settings != null && !settings.isNull() && !settings.isObject()) {
            findings.error("/settings", "settings must be a JSON object");
            return;
        }
        Optional<IntegrationType> known = IntegrationTypes.find(type);
        if (known.isEmpty()) {
            findings.error("/type", "unknown integration type '" + type + "'; Grafana's types are "
                    + String.join(", ", IntegrationTypes.all().stream().map(IntegrationType::type).toList()));
            return;
        }
        Settings s = new Settings(integration.uid(), settings, findings, storedSecrets, known.get());
        for (String required : known.get().requiredSettings()) {
            s.require(required);
        }
        for (String url : known.get().urlSettings()) {
            s.url(url);
        }
        switch (type) {
            case IntegrationTypes.EMAIL -> s.addresses();
            case IntegrationTypes.SLACK -> {
                if (!s.present("url")) {
                    if (!s.present("token")) {
                        findings.error("/settings", "slack needs either a webhook url or a token and a recipient");
                    } else {
                        s.require("recipient");
                    }
                }
                s.oneOf("mentionChannel", SLACK_MENTION_CHANNEL);
            }
            case IntegrationTypes.OPSGENIE -> s.oneOf("sendTagsAs", OPSGENIE_SEND_TAGS_AS);
            case IntegrationTypes.WEBHOOK -> s.oneOf("httpMethod", WEBHOOK_METHODS);
            case IntegrationTypes.ALERTMANAGER -> s.urlList("url");
            case IntegrationTypes.JIRA -> {
                boolean token = s.present("api_token");
                boolean userOrPassword = s.present("user") || s.present("password");
                if (token && userOrPassword) {
                    findings.error("/settings/api_token", "jira takes either api_token or user and password, not both");
                } else if (!token) {
                    if (!userOrPassword) {
                        findings.error("/settings", "jira needs either an api_token or a user and a password");
                    } else {
                        s.require("user");
                        s.require("password");
                    }
                }
            }
            case IntegrationTypes.KAFKA -> {
                s.oneOf("apiVersion", KAFKA_API_VERSIONS);
                if ("v3".equals(s.text("apiVersion"))) {
                    s.require("kafkaClusterId");
                }
            }
            case IntegrationTypes.MQTT -> {
                s.oneOf("messageFormat", MQTT_MESSAGE_FORMATS);
                s.oneOf("qos", MQTT_QOS);
            }
            case IntegrationTypes.SNS -> {
                if (!s.present("topic_arn") && !s.present("target_arn") && !s.present("phone_number")) {
                    findings.error("/settings", "sns needs a topic_arn, a target_arn or a phone_number");
                }
                boolean accessKey = s.present("sigv4.access_key");
                if (accessKey != s.present("sigv4.secret_key")) {
                    s.require(accessKey ? "sigv4.secret_key" : "sigv4.access_key");
                }
            }
            case IntegrationTypes.THREEMA -> {
                String gatewayId = s.text("gateway_id");
                if (gatewayId != null && !gatewayId.isBlank() && (!gatewayId.startsWith("*") || gatewayId.length() != 8)) {
                    findings.error("/settings/gateway_id", "gateway_id must be 8 characters starting with '*' (got '"
                            + gatewayId + "')");
                }
                String recipientId = s.text("recipient_id");
                if (recipientId != null && !recipientId.isBlank() && recipientId.length() != 8) {
                    findings.error("/settings/recipient_id", "recipient_id must be 8 characters (got '" + recipientId + "')");
                }
            }
            case IntegrationTypes.WECOM -> {
                if (!s.present("url")) {
                    if (!s.present("secret")) {
                        findings.error("/settings", "wecom needs either a webhook url or an API app secret, agent_id and corp_id");
                    } else {
                        s.require("agent_id");
                        s.require("corp_id");
                    }
                }
            }
            default -> {
            }
        }
    }

    private record Settings(String integrationUid, JsonNode settings, FindingCollector findings,
                            StoredSecrets storedSecrets, IntegrationType type) {
        /** The setting at dotted path {@code key} (e.g. {@code sigv4.access_key}), or null. */
        JsonNode value(String key) {
            JsonNode node = settings;
            for (String part : key.split("\\.")) {
                if (node == null || !node.isObject()) {
                    return null;
                }
                node = node.get(part);
            }
            return node;
        }

        String text(String key) {
            JsonNode value = value(key);
            return value != null && value.isTextual() ? value.asText() : null;
        }

        static String pointer(String key) {
            return "/settings/" + key.replace('.', '/');
        }

        boolean present(String key) {
            String value = text(key);
            if (value != null && !value.isBlank()) {
                return true;
            }
            return type.secretSettings().contains(key) && integrationUid != null
                    && storedSecrets.isStored(integrationUid, key);
        }

        void require(String key) {
            JsonNode value = value(key);
            if (value != null && !value.isNull() && !value.isTextual()) {
                findings.error(pointer(key), type.type() + " setting '" + key + "' must be a string");
            } else if (!present(key)) {
                findings.error(pointer(key), type.type() + " needs setting '" + key + "'");
            }
        }

        void url(String key) {
            String value = text(key);
            if (value == null || value.isBlank()) {
                return;
            }
            String problem = urlProblem(value.strip());
            if (problem != null) {
                findings.error(pointer(key), key + problem);
            }
        }

        /** A comma-separated list of absolute http(s) URLs (Alertmanager's {@code url}). */
        void urlList(String key) {
            String value = text(key);
            if (value == null || value.isBlank()) {
                return;
            }
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String problem = urlProblem(part.strip());
                if (problem != null) {
                    findings.error(pointer(key), key + " lists '" + part.strip() + "', which" + problem);
                }
            }
        }

        private static String urlProblem(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        || uri.getHost() == null) {
                    return " must be an absolute http or https URL";
                }
                return null;
            } catch (URISyntaxException e) {
                return " is not a valid URL: " + e.getReason();
            }
        }

        void oneOf(String key, Set<String> allowed) {
            String value = text(key);
            if (value != null && !allowed.contains(value)) {
                findings.error(pointer(key), key + " must be one of "
                        + String.join(", ", allowed.stream().filter(a -> !a.isEmpty()).sorted().toList())
                        + " (got '" + value + "')");
            }
        }

        void addresses() {
            String value = text("addresses");
            if (value == null) {
                return;
            }
            int count = 0;
            for (String address : value.split("[;,\\n]")) {
                String trimmed = address.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                count++;
                int at = trimmed.indexOf('@');
                if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@', at + 1) >= 0
                        || trimmed.chars().anyMatch(Character::isWhitespace)) {
                    findings.error("/settings/addresses", "'" + trimmed + "' is not an email address");
                }
            }
            if (count == 0 && !value.isBlank()) {
                findings.error("/settings/addresses", "addresses lists no email address");
            }
        }
    }
}
