package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.dashplane.schema.alerting.Findings.assertSingleError;
import static io.dashplane.schema.alerting.Findings.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactPointValidatorTest {
    private final ContactPointValidator validator = new ContactPointValidator();

    static ObjectNode settings(String json) throws Exception {
        return (ObjectNode) Json.mapper().readTree(json);
    }

    ValidationReport validate(String type, String settingsJson) throws Exception {
        return validate(type, settingsJson, StoredSecrets.NONE);
    }

    ValidationReport validate(String type, String settingsJson, StoredSecrets stored) throws Exception {
        ContactPoint cp = new ContactPoint(null, "ml-team",
                List.of(new Integration("int-1", type, settings(settingsJson), false)));
        return validator.validate(cp, "", stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "email      | {\"addresses\":\"ml@example.com;oncall@example.com\",\"singleEmail\":true}",
            "slack      | {\"url\":\"https://hooks.slack.com/services/T000/B000/XXXX\"}",
            "slack      | {\"token\":\"xoxb-123\",\"recipient\":\"#ml-alerts\",\"mentionChannel\":\"here\"}",
            "pagerduty  | {\"integrationKey\":\"0123456789abcdef0123456789abcdef\",\"severity\":\"critical\"}",
            "webhook    | {\"url\":\"https://hooks.example.com/alert\",\"httpMethod\":\"PUT\",\"password\":\"p\"}",
            "teams      | {\"url\":\"https://example.webhook.office.com/webhookb2/x\"}",
            "opsgenie   | {\"apiKey\":\"key\",\"apiUrl\":\"https://api.eu.opsgenie.com/v2/alerts\",\"sendTagsAs\":\"both\"}",
            "telegram   | {\"bottoken\":\"123:abc\",\"chatid\":\"-100123\"}",
            "discord    | {\"url\":\"https://discord.com/api/webhooks/1/x\",\"use_discord_username\":true}",
            "googlechat | {\"url\":\"https://chat.googleapis.com/v1/spaces/x/messages?key=k\"}"
    })
    void validIntegrations(String type, String settings) throws Exception {
        ValidationReport report = validate(type, settings);
        assertValid(report);
        assertEquals(List.of(), report.warnings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "email      | {}                                  | /integrations/0/settings/addresses      | needs setting 'addresses'",
            "email      | {\"addresses\":\"not-an-address\"}  | /integrations/0/settings/addresses      | not an email address",
            "email      | {\"addresses\":\" ; \"}             | /integrations/0/settings/addresses      | lists no email address",
            "slack      | {}                                  | /integrations/0/settings                | either a webhook url or a token",
            "slack      | {\"token\":\"xoxb-1\"}              | /integrations/0/settings/recipient      | needs setting 'recipient'",
            "slack      | {\"url\":\"hooks.slack.com/x\"}     | /integrations/0/settings/url            | absolute http or https URL",
            "slack      | {\"url\":\"https://h/x\",\"mentionChannel\":\"all\"} | /integrations/0/settings/mentionChannel | must be one of channel, here",
            "pagerduty  | {\"severity\":\"critical\"}         | /integrations/0/settings/integrationKey | needs setting 'integrationKey'",
            "webhook    | {}                                  | /integrations/0/settings/url            | needs setting 'url'",
            "webhook    | {\"url\":\"https://h/x\",\"httpMethod\":\"GET\"} | /integrations/0/settings/httpMethod | POST, PUT",
            "teams      | {\"url\":\"\"}                      | /integrations/0/settings/url            | needs setting 'url'",
            "opsgenie   | {\"apiUrl\":\"https://api.opsgenie.com/v2/alerts\"} | /integrations/0/settings/apiKey | needs setting 'apiKey'",
            "opsgenie   | {\"apiKey\":\"k\",\"sendTagsAs\":\"labels\"} | /integrations/0/settings/sendTagsAs | both, details, tags",
            "telegram   | {\"bottoken\":\"123:abc\"}          | /integrations/0/settings/chatid         | needs setting 'chatid'",
            "telegram   | {\"chatid\":\"1\"}                  | /integrations/0/settings/bottoken       | needs setting 'bottoken'",
            "discord    | {\"url\":42}                        | /integrations/0/settings/url            | must be a string",
            "googlechat | {}                                  | /integrations/0/settings/url            | needs setting 'url'"
    })
    void invalidIntegrations(String type, String settings, String pointer, String message) throws Exception {
        assertSingleError(validate(type, settings), pointer, message);
    }

    @Test
    void storedSecretsSatisfyRequiredSettings() throws Exception {
        StoredSecrets stored = (uid, path) -> uid.equals("int-1") && path.equals("integrationKey");
        assertValid(validate("pagerduty", "{}", stored));
        assertSingleError(validate("telegram", "{}", (uid, path) -> path.equals("bottoken")),
                "/integrations/0/settings/chatid", "chatid");
        assertValid(validate("slack", "{\"recipient\":\"#ml\"}", (uid, path) -> path.equals("token")));
    }

    @Test
    void unknownAndPassThroughTypes() throws Exception {
        assertSingleError(validate("carrier-pigeon", "{}"), "/integrations/0/type", "unknown integration type");
        ValidationReport kafka = validate("kafka", "{\"kafkaRestProxy\":\"http://k:8082\"}");
        assertValid(kafka);
        assertEquals("/integrations/0/type", kafka.warnings().get(0).pointer());
    }

    @Test
    void contactPointShape() throws Exception {
        assertSingleError(validator.validate(new ContactPoint(null, " ", List.of(
                new Integration(null, "teams", settings("{\"url\":\"https://t/x\"}"), null))), "/cp"), "/cp/name", "required");
        assertSingleError(validator.validate(new ContactPoint(null, "x", List.of()), ""), "/integrations", "at least one");
        assertSingleError(validator.validate(new ContactPoint(null, "x", List.of(
                new Integration("same", "teams", settings("{\"url\":\"https://t/x\"}"), null),
                new Integration("same", "teams", settings("{\"url\":\"https://t/y\"}"), null))), ""),
                "/integrations/1/uid", "already used by integration 0");
        assertSingleError(validator.validate(new ContactPoint(null, "x", List.of(
                new Integration(null, "teams", Json.mapper().readTree("[1]"), null))), ""),
                "/integrations/0/settings", "JSON object");
        assertSingleError(validator.validate(new ContactPoint(null, "x", List.of(
                new Integration(null, null, settings("{}"), null))), ""), "/integrations/0/type", "type is required");
    }

    @Test
    void readsProvisioningReceiversAlias() throws Exception {
        ContactPoint cp = Json.mapper().readValue("""
                {"name":"ml-slack","receivers":[{"uid":"s1","type":"slack","settings":{"url":"https://h/x"},
                 "disableResolveMessage":true}]}""", ContactPoint.class);
        assertEquals(1, cp.integrations().size());
        assertTrue(cp.integrations().get(0).disableResolveMessage());
        assertTrue(Json.mapper().writeValueAsString(cp).contains("\"integrations\""));
    }

    @Test
    void declaredSecretKeys() {
        assertEquals(List.of("token", "url"), IntegrationTypes.secretSettings("slack"));
        assertEquals(List.of("integrationKey"), IntegrationTypes.secretSettings("pagerduty"));
        assertTrue(IntegrationTypes.secretSettings("webhook").containsAll(List.of("password", "authorization_credentials")));
        assertEquals(List.of("apiKey"), IntegrationTypes.secretSettings("opsgenie"));
        assertEquals(List.of("bottoken"), IntegrationTypes.secretSettings("telegram"));
        assertEquals(List.of("url"), IntegrationTypes.secretSettings("discord"));
        assertEquals(List.of("url"), IntegrationTypes.secretSettings("googlechat"));
        assertEquals(List.of(), IntegrationTypes.secretSettings("teams"));
        assertEquals(List.of(), IntegrationTypes.secretSettings("email"));
        assertEquals(List.of(), IntegrationTypes.secretSettings("unknown"));
        assertEquals(9, IntegrationTypes.all().size());
    }
}
