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
            if (IntegrationTypes.PASS_THROUGH_TYPES.contains(type)) {
                findings.warn("/type", "settings of '" + type + "' integrations are not checked by Dashplane");
            } else {
                findings.error("/type", "unknown integration type '" + type + "'");
            }
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
            default -> {
            }
        }
    }

    private record Settings(String integrationUid, JsonNode settings, FindingCollector findings,
                            StoredSecrets storedSecrets, IntegrationType type) {
        String text(String key) {
            JsonNode value = settings == null ? null : settings.get(key);
            return value != null && value.isTextual() ? value.asText() : null;
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
            JsonNode value = settings == null ? null : settings.get(key);
            if (value != null && !value.isNull() && !value.isTextual()) {
                findings.error("/settings/" + key, type.type() + " setting '" + key + "' must be a string");
            } else if (!present(key)) {
                findings.error("/settings/" + key, type.type() + " needs setting '" + key + "'");
            }
        }

        void url(String key) {
            String value = text(key);
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                URI uri = new URI(value.strip());
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        || uri.getHost() == null) {
                    findings.error("/settings/" + key, key + " must be an absolute http or https URL");
                }
            } catch (URISyntaxException e) {
                findings.error("/settings/" + key, key + " is not a valid URL: " + e.getReason());
            }
        }

        void oneOf(String key, Set<String> allowed) {
            String value = text(key);
            if (value != null && !allowed.contains(value)) {
                findings.error("/settings/" + key, key + " must be one of "
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
