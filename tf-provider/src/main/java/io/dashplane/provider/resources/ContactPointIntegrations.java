package io.dashplane.provider.resources;

import io.dashplane.provider.framework.Validator;
import io.dashplane.provider.framework.Validators;
import io.dashplane.schema.alerting.IntegrationTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.dashplane.provider.resources.IntegrationSetting.Kind.BOOL;
import static io.dashplane.provider.resources.IntegrationSetting.Kind.JOINED_LIST;
import static io.dashplane.provider.resources.IntegrationSetting.Kind.NUMBER;
import static io.dashplane.provider.resources.IntegrationSetting.Kind.STRING_MAP;
import static io.dashplane.provider.resources.IntegrationSetting.string;

/**
 * The block types of {@code dashplane_contact_point}: one per integration type the schema module validates
 * ({@link IntegrationTypes}), with Grafana's settings as typed attributes (secrets sensitive, matching
 * {@link IntegrationTypes#secretSettings}), in the order their integrations are sent, then the generic
 * {@code integration} block for every other type.
 */
final class ContactPointIntegrations {
    static final String GENERIC = "integration";

    private ContactPointIntegrations() {
    }

    private static final List<IntegrationBlock> TYPED = List.of(
            IntegrationBlock.typed(IntegrationTypes.EMAIL, "an email integration",
                    string("addresses", "addresses", "recipients").kind(JOINED_LIST).asRequired().validate(emailAddresses()),
                    string("single_email", "singleEmail", "send one email to all recipients").kind(BOOL),
                    string("subject", "subject", "subject template"),
                    string("message", "message", "message template")),
            IntegrationBlock.typed(IntegrationTypes.SLACK, "a Slack integration: a webhook url, or a token and a recipient",
                    string("url", "url", "incoming webhook URL").asSecret(),
                    string("token", "token", "bot token").asSecret(),
                    string("endpoint_url", "endpointUrl", "API endpoint for token use"),
                    string("recipient", "recipient", "channel or user"),
                    string("username", "username", "sender name"),
                    string("icon_emoji", "icon_emoji", "sender icon emoji"),
                    string("icon_url", "icon_url", "sender icon URL"),
                    string("title", "title", "title template"),
                    string("text", "text", "body template"),
                    string("color", "color", "attachment color template"),
                    string("mention_channel", "mentionChannel", "\"here\" or \"channel\"")
                            .validate(Validators.oneOf("", "here", "channel")),
                    string("mention_users", "mentionUsers", "comma-separated user ids to mention"),
                    string("mention_groups", "mentionGroups", "comma-separated group ids to mention")),
            IntegrationBlock.typed(IntegrationTypes.PAGERDUTY, "a PagerDuty integration",
                    string("integration_key", "integrationKey", "Events API v2 integration key").asRequired().asSecret(),
                    string("severity", "severity", "event severity template"),
                    string("class", "class", "event class"),
                    string("component", "component", "event component"),
                    string("group", "group", "event group"),
                    string("summary", "summary", "event summary template"),
                    string("source", "source", "event source"),
                    string("client", "client", "client name"),
                    string("client_url", "client_url", "client URL"),
                    string("url", "url", "Events API URL"),
                    string("details", "details", "custom details").kind(STRING_MAP)),
            IntegrationBlock.typed(IntegrationTypes.WEBHOOK, "a webhook integration",
                    string("url", "url", "target URL").asRequired(),
                    string("http_method", "httpMethod", "POST or PUT").validate(Validators.oneOf("POST", "PUT")),
                    string("basic_auth_user", "username", "basic authentication user"),
                    string("basic_auth_password", "password", "basic authentication password").asSecret(),
                    string("authorization_scheme", "authorization_scheme", "Authorization header scheme"),
                    string("authorization_credentials", "authorization_credentials", "Authorization header credentials").asSecret(),
                    string("max_alerts", "maxAlerts", "most alerts per request; 0 for no limit").kind(NUMBER)
                            .validate(Validators.atLeast(0)),
                    string("title", "title", "title template"),
                    string("message", "message", "message template"),
                    string("tls_config", "tlsConfig", "TLS settings (insecureSkipVerify, caCertificate, clientCertificate,"
                            + " clientKey); the certificates and key are secret").kind(STRING_MAP).asSecret(),
                    string("hmac_config", "hmacConfig", "request signing (secret, header, timestampHeader); secret is secret")
                            .kind(STRING_MAP).asSecret()),
            IntegrationBlock.typed(IntegrationTypes.TEAMS, "a Microsoft Teams integration",
                    string("url", "url", "incoming webhook URL").asRequired(),
                    string("title", "title", "title template"),
                    string("section_title", "sectiontitle", "section title template"),
                    string("message", "message", "message template")),
            IntegrationBlock.typed(IntegrationTypes.OPSGENIE, "an Opsgenie integration",
                    string("api_key", "apiKey", "API key").asRequired().asSecret(),
                    string("url", "apiUrl", "alerts API URL"),
                    string("message", "message", "alert message template"),
                    string("description", "description", "alert description template"),
                    string("auto_close", "autoClose", "close the alert when it resolves").kind(BOOL),
                    string("override_priority", "overridePriority", "take the priority from the og_priority annotation").kind(BOOL),
                    string("send_tags_as", "sendTagsAs", "tags, details or both").validate(Validators.oneOf("tags", "details", "both"))),
            IntegrationBlock.typed(IntegrationTypes.TELEGRAM, "a Telegram integration",
                    string("token", "bottoken", "bot token").asRequired().asSecret(),
                    string("chat_id", "chatid", "chat id").asRequired(),
                    string("message_thread_id", "message_thread_id", "forum topic id"),
                    string("message", "message", "message template"),
                    string("parse_mode", "parse_mode", "Markdown, MarkdownV2, HTML or None"),
                    string("disable_web_page_preview", "disable_web_page_preview", "no link previews").kind(BOOL),
                    string("protect_content", "protect_content", "no forwarding or saving").kind(BOOL),
                    string("disable_notifications", "disable_notifications", "silent messages").kind(BOOL)),
            IntegrationBlock.typed(IntegrationTypes.DISCORD, "a Discord integration",
                    string("url", "url", "webhook URL").asRequired().asSecret(),
                    string("title", "title", "title template"),
                    string("message", "message", "message template"),
                    string("avatar_url", "avatar_url", "avatar URL"),
                    string("use_discord_username", "use_discord_username", "use the webhook's own user name").kind(BOOL)),
            IntegrationBlock.typed(IntegrationTypes.GOOGLECHAT, "a Google Chat integration",
                    string("url", "url", "webhook URL").asRequired().asSecret(),
                    string("title", "title", "title template"),
                    string("message", "message", "message template")));

    private static final Set<String> TYPED_NAMES = Set.copyOf(TYPED.stream().map(IntegrationBlock::name).toList());

    static final List<IntegrationBlock> BLOCKS = blocks();

    private static List<IntegrationBlock> blocks() {
        List<IntegrationBlock> all = new ArrayList<>(TYPED);
        all.add(IntegrationBlock.generic(GENERIC, TYPED_NAMES));
        return List.copyOf(all);
    }

    /** The block type an integration of {@code type} is shown as. */
    static IntegrationBlock blockFor(String type) {
        for (IntegrationBlock block : BLOCKS) {
            if (block.holds(type)) {
                return block;
            }
        }
        throw new IllegalStateException("the generic block holds every type");
    }

    /** Each element an email address (one @, something on both sides, no spaces). */
    private static Validator emailAddresses() {
        return (path, value, diagnostics) -> {
            List<io.dashplane.provider.cty.CtyValue> addresses = value.elements();
            if (addresses.isEmpty()) {
                diagnostics.error(path, "No email address", "list at least one address");
            }
            for (int i = 0; i < addresses.size(); i++) {
                String address = addresses.get(i).isPresent() ? addresses.get(i).asString().strip() : "";
                int at = address.indexOf('@');
                if (at <= 0 || at == address.length() - 1 || address.indexOf('@', at + 1) >= 0
                        || address.chars().anyMatch(Character::isWhitespace) || address.matches(".*[;,].*")) {
                    diagnostics.error(path.index(i), "Invalid email address", "\"" + address + "\" is not an email address");
                }
            }
        };
    }
}
