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
            "googlechat | {\"url\":\"https://chat.googleapis.com/v1/spaces/x/messages?key=k\"}",
            "prometheus-alertmanager | {\"url\":\"http://am-1:9093, http://am-2:9093\",\"basicAuthUser\":\"u\",\"basicAuthPassword\":\"p\"}",
            "dingding   | {\"url\":\"https://oapi.dingtalk.com/robot/send?access_token=t\",\"msgType\":\"link\"}",
            "jira       | {\"api_url\":\"https://example.atlassian.net/rest/api/3\",\"project\":\"ML\",\"issue_type\":\"Bug\",\"api_token\":\"t\"}",
            "jira       | {\"api_url\":\"https://jira.example.com/rest/api/2\",\"project\":\"ML\",\"issue_type\":\"Bug\",\"user\":\"u\",\"password\":\"p\"}",
            "kafka      | {\"kafkaRestProxy\":\"http://k:8082\",\"kafkaTopic\":\"alerts\",\"password\":\"p\"}",
            "kafka      | {\"kafkaRestProxy\":\"http://k:8082\",\"kafkaTopic\":\"alerts\",\"apiVersion\":\"v3\",\"kafkaClusterId\":\"c1\"}",
            "LINE       | {\"token\":\"line-token\"}",
            "line       | {\"token\":\"line-token\"}",
            "mqtt       | {\"brokerUrl\":\"ssl://broker:8883\",\"topic\":\"alerts\",\"messageFormat\":\"text\",\"qos\":\"1\",\"tlsConfig\":{\"clientKey\":\"K\"}}",
            "oncall     | {\"url\":\"https://oncall.example.com/integrations/v1/grafana_alerting/x/\",\"password\":\"p\"}",
            "pushover   | {\"userKey\":\"uk\",\"apiToken\":\"at\",\"priority\":\"1\"}",
            "sensugo    | {\"url\":\"https://sensu.example.com:8080\",\"apikey\":\"k\"}",
            "sns        | {\"topic_arn\":\"arn:aws:sns:us-east-1:123456789012:alerts\",\"sigv4\":{\"region\":\"us-east-1\",\"access_key\":\"AK\",\"secret_key\":\"SK\"}}",
            "sns        | {\"phone_number\":\"+15555550100\"}",
            "threema    | {\"gateway_id\":\"*ABCDEFG\",\"recipient_id\":\"ABCDEFGH\",\"api_secret\":\"s\"}",
            "victorops  | {\"url\":\"https://alert.victorops.com/integrations/generic/1/alert/k/ml\",\"messageType\":\"WARNING\"}",
            "webex      | {\"room_id\":\"r\",\"bot_token\":\"b\",\"api_url\":\"https://webexapis.com/v1/messages\"}",
            "wecom      | {\"url\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\"}",
            "wecom      | {\"secret\":\"s\",\"agent_id\":\"1000002\",\"corp_id\":\"ww1\",\"touser\":\"@all\"}"
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
            "googlechat | {}                                  | /integrations/0/settings/url            | needs setting 'url'",
            "prometheus-alertmanager | {\"url\":\"http://am-1:9093,am-2\"} | /integrations/0/settings/url | lists 'am-2', which must be an absolute http or https URL",
            "prometheus-alertmanager | {}                     | /integrations/0/settings/url            | needs setting 'url'",
            "dingding   | {}                                  | /integrations/0/settings/url            | needs setting 'url'",
            "jira       | {\"api_url\":\"https://j/rest\",\"project\":\"ML\",\"issue_type\":\"Bug\"} | /integrations/0/settings | api_token or a user and a password",
            "jira       | {\"api_url\":\"https://j/rest\",\"project\":\"ML\",\"issue_type\":\"Bug\",\"user\":\"u\"} | /integrations/0/settings/password | needs setting 'password'",
            "jira       | {\"api_url\":\"https://j/rest\",\"project\":\"ML\",\"issue_type\":\"Bug\",\"user\":\"u\",\"api_token\":\"t\"} | /integrations/0/settings/api_token | not both",
            "jira       | {\"api_url\":\"https://j/rest\",\"issue_type\":\"Bug\",\"api_token\":\"t\"} | /integrations/0/settings/project | needs setting 'project'",
            "kafka      | {\"kafkaRestProxy\":\"http://k:8082\"} | /integrations/0/settings/kafkaTopic | needs setting 'kafkaTopic'",
            "kafka      | {\"kafkaRestProxy\":\"http://k:8082\",\"kafkaTopic\":\"a\",\"apiVersion\":\"v3\"} | /integrations/0/settings/kafkaClusterId | needs setting 'kafkaClusterId'",
            "kafka      | {\"kafkaRestProxy\":\"http://k:8082\",\"kafkaTopic\":\"a\",\"apiVersion\":\"v1\"} | /integrations/0/settings/apiVersion | must be one of v2, v3",
            "LINE       | {}                                  | /integrations/0/settings/token          | needs setting 'token'",
            "mqtt       | {\"brokerUrl\":\"tcp://b:1883\"}  | /integrations/0/settings/topic          | needs setting 'topic'",
            "mqtt       | {\"brokerUrl\":\"tcp://b:1883\",\"topic\":\"t\",\"messageFormat\":\"xml\"} | /integrations/0/settings/messageFormat | json, text",
            "oncall     | {\"password\":\"p\"}              | /integrations/0/settings/url            | needs setting 'url'",
            "pushover   | {\"userKey\":\"uk\"}              | /integrations/0/settings/apiToken       | needs setting 'apiToken'",
            "pushover   | {\"apiToken\":\"at\"}             | /integrations/0/settings/userKey        | needs setting 'userKey'",
            "sensugo    | {\"url\":\"https://s:8080\"}      | /integrations/0/settings/apikey         | needs setting 'apikey'",
            "sns        | {\"subject\":\"s\"}               | /integrations/0/settings                | topic_arn, a target_arn or a phone_number",
            "sns        | {\"topic_arn\":\"arn:aws:sns:us-east-1:1:a\",\"sigv4\":{\"access_key\":\"AK\"}} | /integrations/0/settings/sigv4/secret_key | needs setting 'sigv4.secret_key'",
            "threema    | {\"gateway_id\":\"ABCDEFGH\",\"recipient_id\":\"ABCDEFGH\",\"api_secret\":\"s\"} | /integrations/0/settings/gateway_id | starting with '*'",
            "threema    | {\"gateway_id\":\"*ABCDEFG\",\"recipient_id\":\"ABCDEFGH\"} | /integrations/0/settings/api_secret | needs setting 'api_secret'",
            "victorops  | {}                                  | /integrations/0/settings/url            | needs setting 'url'",
            "victorops  | {\"url\":\"alert.victorops.com/x\"} | /integrations/0/settings/url          | absolute http or https URL",
            "webex      | {\"api_url\":\"webexapis.com\"}   | /integrations/0/settings/api_url        | absolute http or https URL",
            "wecom      | {\"touser\":\"@all\"}             | /integrations/0/settings                | either a webhook url or an API app secret",
            "wecom      | {\"secret\":\"s\",\"agent_id\":\"1\"} | /integrations/0/settings/corp_id      | needs setting 'corp_id'"
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
        assertValid(validate("pushover", "{}", (uid, path) -> path.equals("userKey") || path.equals("apiToken")));
        assertValid(validate("victorops", "{}", (uid, path) -> path.equals("url")));
        assertValid(validate("jira", "{\"api_url\":\"https://j/rest\",\"project\":\"ML\",\"issue_type\":\"Bug\"}",
                (uid, path) -> path.equals("api_token")));
        assertValid(validate("sns", "{\"topic_arn\":\"arn:aws:sns:us-east-1:1:a\",\"sigv4\":{\"access_key\":\"AK\"}}",
                (uid, path) -> path.equals("sigv4.secret_key")));
        assertValid(validate("wecom", "{}", (uid, path) -> path.equals("url")));
    }

    @Test
    void unknownTypesAreRejected() throws Exception {
        assertSingleError(validate("carrier-pigeon", "{}"), "/integrations/0/type", "unknown integration type");
        // Mimir's wechat receiver is no Grafana-managed integration type.
        assertSingleError(validate("wechat", "{}"), "/integrations/0/type", "unknown integration type");
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
    }

    /** The fields Grafana's alerting marks {@code Secure: true} in each notifier's schema. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prometheus-alertmanager | basicAuthPassword",
            "dingding   | url",
            "jira       | user api_token password",
            "kafka      | password",
            "LINE       | token",
            "line       | token",
            "mqtt       | password tlsConfig.caCertificate tlsConfig.clientCertificate tlsConfig.clientKey",
            "oncall     | password authorization_credentials",
            "pushover   | userKey apiToken",
            "sensugo    | apikey",
            "sns        | sigv4.access_key sigv4.secret_key",
            "threema    | api_secret",
            "victorops  | url",
            "webex      | bot_token",
            "wecom      | url secret",
            "webhook    | password authorization_credentials tlsConfig.caCertificate tlsConfig.clientCertificate "
                    + "tlsConfig.clientKey hmacConfig.secret http_config.oauth2.client_secret "
                    + "http_config.oauth2.tls_config.caCertificate http_config.oauth2.tls_config.clientCertificate "
                    + "http_config.oauth2.tls_config.clientKey"
    })
    void secretSettingsOfEveryGrafanaType(String type, String secrets) {
        assertEquals(new java.util.TreeSet<>(List.of(secrets.split(" "))),
                new java.util.TreeSet<>(IntegrationTypes.secretSettings(type)));
    }

    @Test
    void everyGrafanaTypeIsKnown() {
        assertEquals(List.of("email", "slack", "pagerduty", "webhook", "teams", "opsgenie", "telegram", "discord",
                "googlechat", "prometheus-alertmanager", "dingding", "jira", "kafka", "LINE", "line", "mqtt", "oncall",
                "pushover", "sensugo", "sns", "threema", "victorops", "webex", "wecom"),
                IntegrationTypes.all().stream().map(IntegrationType::type).toList());
    }
}
