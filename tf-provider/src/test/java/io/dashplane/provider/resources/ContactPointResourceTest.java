package io.dashplane.provider.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectValue;
import io.dashplane.provider.framework.DataSource;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.FrameworkProvider;
import io.dashplane.provider.framework.ProviderDefinition;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Values;
import io.dashplane.provider.protocol.UpgradeResourceStateRequest;
import io.dashplane.provider.protocol.UpgradeResourceStateResponse;
import io.dashplane.schema.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contact point blocks: the state upgrade from schema version 0, the JSON mapping and block identity. */
class ContactPointResourceTest {
    private static final ContactPointResource RESOURCE = new ContactPointResource();
    private static final Schema SCHEMA = RESOURCE.schema();

    /** The attributes of a version 0 state as Terraform stored them (written by provider 0.1.0 before blocks). */
    private static final String VERSION_0_STATE = """
            {"uid":"ml-oncall","name":"ml-oncall",
             "email":[{"addresses":"a@example.com;b@example.com","singleEmail":"true","disable_resolve_message":"true"}],
             "slack":[{"url":"https://hooks.slack.com/services/T0/B0/SECRET","recipient":"#ml","title":"{{ .Title }}","uid":"s1"}],
             "pagerduty":null,"teams":null,"opsgenie":null,"telegram":null,"discord":null,"googlechat":null,
             "webhook":[{"url":"https://example.com/hook","httpMethod":"PUT","maxAlerts":"5",
                         "tlsConfig":"{\\"insecureSkipVerify\\":true,\\"clientKey\\":\\"KEY\\"}","custom":"x"}],
             "environment":"prod","id":"prod/ml-oncall","version":4}
            """;

    private final FrameworkProvider<ProviderData> provider = new FrameworkProvider<>(new ProviderDefinition<>() {
        @Override
        public Schema schema() {
            return Schema.of(0, "");
        }

        @Override
        public ProviderData configure(Values config, Diagnostics diagnostics) {
            return null;
        }

        @Override
        public List<Resource<ProviderData>> resources() {
            return List.of(RESOURCE);
        }

        @Override
        public List<DataSource<ProviderData>> dataSources() {
            return List.of();
        }
    });

    private Values upgrade(long version, String json) {
        UpgradeResourceStateResponse response = provider.upgradeResourceState(new UpgradeResourceStateRequest(
                ContactPointResource.TYPE_NAME, version, json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(response.diagnostics().isEmpty(), response.diagnostics().toString());
        return new Values((ObjectValue) CtyMsgpack.decode(response.upgradedState(), SCHEMA.objectType()));
    }

    @Test
    void version0ListsOfSettingsMapsBecomeTypedBlocksKeepingSecrets() {
        Values state = upgrade(0, VERSION_0_STATE);
        assertEquals("ml-oncall", state.getString("uid"));
        assertEquals(4L, state.getLong("version"));

        Values email = state.blocks("email").get(0);
        assertEquals(List.of("a@example.com", "b@example.com"), email.getStringList("addresses"));
        assertEquals(Boolean.TRUE, email.getBool("single_email"));
        assertEquals(Boolean.TRUE, email.getBool("disable_resolve_message"));
        assertNull(email.getString("uid"), "version 0 kept no integration uid unless configured");
        assertTrue(email.isNull("settings"));

        Values slack = state.blocks("slack").get(0);
        assertEquals("https://hooks.slack.com/services/T0/B0/SECRET", slack.getString("url"), "the secret stays in state");
        assertEquals("#ml", slack.getString("recipient"));
        assertEquals("s1", slack.getString("uid"));
        assertEquals(Boolean.FALSE, slack.getBool("disable_resolve_message"));

        Values webhook = state.blocks("webhook").get(0);
        assertEquals("PUT", webhook.getString("http_method"));
        assertEquals(5L, webhook.getLong("max_alerts"));
        assertEquals(Map.of("insecureSkipVerify", CtyValue.string("true"), "clientKey", CtyValue.string("KEY")),
                webhook.get("tls_config").asMap());
        assertEquals(Map.of("custom", CtyValue.string("x")), webhook.get("settings").asMap(), "settings without an attribute");

        assertEquals(List.of(), state.blocks("pagerduty"), "a type without integrations has no blocks, not null");
        assertEquals(List.of(), state.blocks("integration"));
    }

    @Test
    void currentStateIsKeptAsIs() {
        Values state = upgrade(0, VERSION_0_STATE);
        String json = new String(io.dashplane.provider.cty.CtyJson.encode(state.toCty(), SCHEMA.objectType()), StandardCharsets.UTF_8);
        assertEquals(state, upgrade(1, json));
    }

    @Test
    void secretsAreSentAndTakenFromThePriorBlockWhenTheServerOnlyReportsThem() throws Exception {
        IntegrationBlock webhook = ContactPointIntegrations.blockFor("webhook");
        Values block = upgrade(0, VERSION_0_STATE).blocks("webhook").get(0);
        ObjectNode sent = webhook.toJson(block);
        assertEquals("{\"type\":\"webhook\",\"settings\":{\"custom\":\"x\",\"url\":\"https://example.com/hook\",\"httpMethod\":\"PUT\","
                + "\"maxAlerts\":5,\"tlsConfig\":{\"clientKey\":\"KEY\",\"insecureSkipVerify\":true}},\"disableResolveMessage\":false}",
                sent.toString());
        ObjectNode returned = (ObjectNode) Json.mapper().readTree("{\"uid\":\"w1\",\"type\":\"webhook\",\"settings\":{\"custom\":\"x\","
                + "\"url\":\"https://example.com/hook\",\"httpMethod\":\"PUT\",\"maxAlerts\":5,\"tlsConfig\":{\"insecureSkipVerify\":true}},"
                + "\"secureFields\":{\"tlsConfig.clientKey\":true},\"disableResolveMessage\":false}");
        Values read = webhook.fromJson(returned, block);
        assertEquals(block.with("uid", "w1"), read);
        Values imported = webhook.fromJson(returned, null);
        assertEquals(Map.of("insecureSkipVerify", CtyValue.string("true")), imported.get("tls_config").asMap(),
                "without a prior block the secret is unknown to Terraform");
    }

    @Test
    void otherTypesAreShownInTheGenericBlock() throws Exception {
        IntegrationBlock generic = ContactPointIntegrations.blockFor("victorops");
        assertEquals("integration", generic.name());
        Values block = generic.fromJson((ObjectNode) Json.mapper().readTree(
                "{\"uid\":\"v1\",\"type\":\"victorops\",\"settings\":{\"url\":\"https://alert.victorops.com/x\",\"messageType\":\"CRITICAL\"}}"),
                null);
        assertEquals("victorops", block.getString("type"));
        assertEquals(Map.of("url", CtyValue.string("https://alert.victorops.com/x"), "messageType", CtyValue.string("CRITICAL")),
                block.get("settings").asMap());
        assertEquals("victorops", generic.toJson(block).path("type").asText());
    }

    @Test
    void genericBlockKeepsTheConfiguredSecretsTheServerOnlyReports() throws Exception {
        IntegrationBlock generic = ContactPointIntegrations.blockFor("victorops");
        Values configured = Values.empty(SCHEMA.block("integration").elementType()).with("type", "victorops")
                .with("uid", "v1").with("disable_resolve_message", Boolean.FALSE)
                .with("settings", CtyValue.map(CtyType.STRING, Map.of("url", CtyValue.string("https://alert.victorops.com/x"),
                        "messageType", CtyValue.string("CRITICAL"))));
        ObjectNode returned = (ObjectNode) Json.mapper().readTree("{\"uid\":\"v1\",\"type\":\"victorops\","
                + "\"settings\":{\"messageType\":\"CRITICAL\"},\"secureFields\":{\"url\":true},\"disableResolveMessage\":false}");
        assertEquals(configured, generic.fromJson(returned, configured));
        assertEquals(Map.of("messageType", CtyValue.string("CRITICAL")), generic.fromJson(returned, null).get("settings").asMap(),
                "imported: the secret is unknown to Terraform");
        ObjectNode drifted = returned.deepCopy();
        ((ObjectNode) drifted.get("settings")).put("messageType", "WARNING");
        assertEquals(CtyValue.string("WARNING"), generic.fromJson(drifted, configured).get("settings").asMap().get("messageType"),
                "settings that are not secret are refreshed");

        String sigv4 = "{\"access_key\":\"AK\",\"region\":\"us-east-1\",\"secret_key\":\"SK\"}";
        Values sns = configured.with("type", "sns").with("settings", CtyValue.map(CtyType.STRING, Map.of(
                "topic_arn", CtyValue.string("arn:aws:sns:us-east-1:1:t"), "sigv4", CtyValue.string(sigv4))));
        ObjectNode snsReturned = (ObjectNode) Json.mapper().readTree("{\"uid\":\"v1\",\"type\":\"sns\",\"settings\":"
                + "{\"topic_arn\":\"arn:aws:sns:us-east-1:1:t\",\"sigv4\":{\"region\":\"us-east-1\"}},"
                + "\"secureFields\":{\"sigv4.access_key\":true,\"sigv4.secret_key\":true},\"disableResolveMessage\":false}");
        assertEquals(sns, generic.fromJson(snsReturned, sns), "the configured JSON text of a setting with nested secrets is kept");
        ((ObjectNode) snsReturned.at("/settings/sigv4")).put("region", "eu-west-1");
        assertEquals("{\"region\":\"eu-west-1\",\"access_key\":\"AK\",\"secret_key\":\"SK\"}",
                generic.fromJson(snsReturned, sns).get("settings").asMap().get("sigv4").asString(),
                "a changed member beside the secrets shows, with the configured secrets");
    }

    private static Values slack(String url, String uid) {
        return Values.empty(SCHEMA.block("slack").elementType()).with("url", url).with("uid", uid)
                .with("disable_resolve_message", Boolean.FALSE);
    }

    @Test
    void reorderedBlocksKeepTheirIntegrationUids() {
        List<Values> prior = List.of(slack("https://a", "ua"), slack("https://b", "ub"));
        List<Values> config = List.of(slack("https://b", null), slack("https://a", null));
        // Terraform pairs by position: the proposal gives each block the uid of the prior block at its index
        List<Values> proposed = List.of(slack("https://b", "ua"), slack("https://a", "ub"));
        assertEquals(List.of(slack("https://b", "ub"), slack("https://a", "ua")), IntegrationIdentity.match(config, proposed, prior));

        List<Values> changedFirst = List.of(slack("https://c", "ua"), slack("https://b", "ub"));
        assertEquals(changedFirst, IntegrationIdentity.match(List.of(slack("https://c", null), slack("https://b", null)),
                changedFirst, prior), "a changed block keeps the uid at its position");

        List<Values> inserted = IntegrationIdentity.match(List.of(slack("https://new", null), slack("https://a", null)),
                List.of(slack("https://new", "ua"), slack("https://a", "ub")), prior);
        assertEquals("ua", inserted.get(1).getString("uid"));
        assertFalse(inserted.get(0).isKnown("uid"), "ua is taken by the unchanged block, ub is gone with its block");
        assertEquals(CtyValue.unknownOf(CtyType.STRING), inserted.get(0).get("uid"));
    }
}
