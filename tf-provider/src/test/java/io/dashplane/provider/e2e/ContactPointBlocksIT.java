package io.dashplane.provider.e2e;

import static io.dashplane.provider.e2e.MlAlertingExampleIT.map;
import static io.dashplane.provider.e2e.Steps.assertAction;
import static io.dashplane.provider.e2e.Steps.assertNoChanges;
import static io.dashplane.provider.e2e.Steps.noErrors;
import static io.dashplane.provider.e2e.Steps.plan;
import static io.dashplane.provider.e2e.Steps.planAndApply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Diag;
import io.dashplane.provider.harness.TerraformCore;
import io.dashplane.provider.harness.TerraformCore.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dashplane_contact_point with integration blocks, in protocol 5 and 6: integrations of several types (a
 * generic one too), reordering blocks keeps every integration's uid, a changed secret is planned and written
 * but never read back, removing a block, validation errors pointing into a block, import (only the secret
 * rewrite is planned), and state written by schema version 0 upgraded without any change.
 */
class ContactPointBlocksIT {
    private static final String ADDRESS = "dashplane_contact_point.team";
    private static final String SLACK_A = "https://hooks.slack.com/services/T0/B0/AAAAAAAA";
    private static final String SLACK_B = "https://hooks.slack.com/services/T0/B0/BBBBBBBB";
    private static final String SLACK_A2 = "https://hooks.slack.com/services/T0/B0/A2A2A2A2";
    private static final String WEBHOOK_PASSWORD = "webhook-password-1";
    private static final String VICTOROPS_URL = "https://alert.victorops.com/integrations/generic/1/alert/VOSECRET/ml";
    private static final String SNS_SECRET = "sns-secret-key-1";

    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    private static Map<String, Object> slack(String url, String recipient) {
        return map("url", url, "recipient", recipient, "title", "{{ .CommonLabels.alertname }}");
    }

    private static Map<String, Object> webhook(String method) {
        return map("url", "https://hooks.example.com/alerts", "http_method", method, "basic_auth_user", "alerts",
                "basic_auth_password", WEBHOOK_PASSWORD, "max_alerts", 10);
    }

    private static Map<String, Object> contactPoint(List<Map<String, Object>> slack, List<Map<String, Object>> webhook) {
        return map("uid", "team", "name", "team",
                "email", List.of(map("addresses", List.of("oncall@example.com", "lead@example.com"), "single_email", true,
                        "subject", "{{ .CommonLabels.alertname }}")),
                "slack", slack,
                "webhook", webhook,
                "integration", List.of(map("type", "victorops", "settings", map("url", VICTOROPS_URL,
                        "messageType", "CRITICAL")),
                        map("type", "sns", "settings", map("topic_arn", "arn:aws:sns:us-east-1:123456789012:ml",
                                "sigv4", "{\"region\":\"us-east-1\",\"access_key\":\"AKIAEXAMPLE\",\"secret_key\":\"" + SNS_SECRET + "\"}"))));
    }

    private static List<JsonNode> integrations(String environment) {
        List<JsonNode> out = new ArrayList<>();
        server.object(environment, "contact-points/team").path("integrations").forEach(out::add);
        return out;
    }

    private static JsonNode integration(String environment, String type, String recipient) {
        return integrations(environment).stream().filter(i -> i.path("type").asText().equals(type)
                        && (recipient == null || i.path("settings").path("recipient").asText().equals(recipient)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " integration " + recipient
                        + " in " + integrations(environment)));
    }

    private static CtyValue block(TerraformCore core, String type, int index) {
        return core.stateValue(ADDRESS).getAttr(type).index(index);
    }

    private static String secretOnServer(String environment, String recipient) {
        JsonNode export = server.get("/api/v1/environments/" + environment + "/alerting/export?format=json&decrypt=true").body();
        for (JsonNode contactPoint : export.path("contactPoints")) {
            for (JsonNode receiver : contactPoint.path("receivers")) {
                if (receiver.path("settings").path("recipient").asText().equals(recipient)) {
                    return receiver.path("settings").path("url").asText();
                }
            }
        }
        throw new AssertionError("no receiver for " + recipient + " in the export: " + export);
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {5, 6})
    void integrationBlocksLifecycle(int protocol) {
        String environment = "blocks-p" + protocol;
        Map<String, Object> provider = server.newEnvironment(environment);
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);

        // several integrations of different types, a generic one among them
        Configuration config = Configuration.provider(provider).with(ADDRESS, contactPoint(
                List.of(slack(SLACK_A, "#a"), slack(SLACK_B, "#b")), List.of(webhook("PUT"))));
        noErrors("validate", core.validate(config).diagnostics());
        planAndApply(core, config);
        Steps.assertWhollyKnownState(core, ADDRESS);
        assertEquals(6, integrations(environment).size(), integrations(environment).toString());
        JsonNode slackA = integration(environment, "slack", "#a");
        assertTrue(slackA.path("secureFields").path("url").asBoolean(), slackA.toString());
        assertFalse(server.object(environment, "contact-points/team").toString().contains(SLACK_A), "secrets are never read back");
        assertEquals(SLACK_A, block(core, "slack", 0).getAttr("url").asString(), "the state keeps the configured secret");
        assertEquals(slackA.path("uid").asText(), block(core, "slack", 0).getAttr("uid").asString());
        assertEquals("oncall@example.com;lead@example.com", integration(environment, "email", null).path("settings").path("addresses").asText());
        assertTrue(integration(environment, "email", null).path("settings").path("singleEmail").isBoolean());
        assertEquals(10, integration(environment, "webhook", null).path("settings").path("maxAlerts").asInt());
        assertEquals("CRITICAL", integration(environment, "victorops", null).path("settings").path("messageType").asText());
        assertEquals("victorops", block(core, "integration", 0).getAttr("type").asString());
        // generic blocks: the server seals victorops url and sns sigv4 keys; the state keeps the configured values
        JsonNode victorops = integration(environment, "victorops", null);
        assertTrue(victorops.path("secureFields").path("url").asBoolean(), victorops.toString());
        assertTrue(integration(environment, "sns", null).path("secureFields").path("sigv4.secret_key").asBoolean());
        assertFalse(server.object(environment, "contact-points/team").toString().contains("VOSECRET"));
        assertFalse(server.object(environment, "contact-points/team").toString().contains(SNS_SECRET));
        assertEquals(VICTOROPS_URL, block(core, "integration", 0).getAttr("settings").asMap().get("url").asString());
        assertTrue(block(core, "integration", 1).getAttr("settings").asMap().get("sigv4").asString().contains(SNS_SECRET));
        assertNoChanges(core, config);

        // reordering blocks keeps each integration's uid
        String uidA = slackA.path("uid").asText();
        String uidB = integration(environment, "slack", "#b").path("uid").asText();
        Configuration reordered = config.with(ADDRESS, contactPoint(
                List.of(slack(SLACK_B, "#b"), slack(SLACK_A, "#a")), List.of(webhook("PUT"))));
        TerraformCore.Plan reorder = plan(core, reordered);
        assertAction(reorder, ADDRESS, Action.UPDATE);
        CtyValue plannedSlack = reorder.change(ADDRESS).planned().getAttr("slack");
        assertEquals(uidB, plannedSlack.index(0).getAttr("uid").asString(), reorder::toString);
        assertEquals(uidA, plannedSlack.index(1).getAttr("uid").asString(), reorder::toString);
        Steps.apply(core, reordered, reorder);
        assertEquals(uidA, integration(environment, "slack", "#a").path("uid").asText());
        assertEquals(uidB, integration(environment, "slack", "#b").path("uid").asText());
        assertEquals("#b", block(core, "slack", 0).getAttr("recipient").asString());
        assertNoChanges(core, reordered);

        // a changed secret is planned and written, never read back
        Configuration newSecret = config.with(ADDRESS, contactPoint(
                List.of(slack(SLACK_B, "#b"), slack(SLACK_A2, "#a")), List.of(webhook("PUT"))));
        TerraformCore.Plan secret = plan(core, newSecret);
        assertAction(secret, ADDRESS, Action.UPDATE);
        assertEquals(SLACK_A2, secret.change(ADDRESS).planned().getAttr("slack").index(1).getAttr("url").asString());
        assertEquals(uidA, secret.change(ADDRESS).planned().getAttr("slack").index(1).getAttr("uid").asString());
        Steps.apply(core, newSecret, secret);
        assertEquals(SLACK_A2, secretOnServer(environment, "#a"), "the new secret is stored");
        assertEquals(SLACK_B, secretOnServer(environment, "#b"));
        assertFalse(server.object(environment, "contact-points/team").toString().contains(SLACK_A2));
        assertEquals(SLACK_A2, block(core, "slack", 1).getAttr("url").asString());
        assertNoChanges(core, newSecret);

        // removing a block removes its integration
        Configuration withoutWebhook = config.with(ADDRESS, contactPoint(
                List.of(slack(SLACK_B, "#b"), slack(SLACK_A2, "#a")), List.of()));
        assertAction(planAndApply(core, withoutWebhook), ADDRESS, Action.UPDATE);
        assertEquals(5, integrations(environment).size());
        assertTrue(integrations(environment).stream().noneMatch(i -> i.path("type").asText().equals("webhook")));
        assertEquals(0, core.stateValue(ADDRESS).getAttr("webhook").length());
        assertNoChanges(core, withoutWebhook);

        // validation errors point at the attribute inside the block
        List<Diag> invalid = core.validate(config.with(ADDRESS, contactPoint(List.of(slack(SLACK_B, "#b")),
                List.of(webhook("GET"))))).diagnostics();
        assertTrue(invalid.stream().anyMatch(d -> d.isError() && d.pathText().equals("webhook[0].http_method")), invalid.toString());
        Map<String, Object> badEmail = contactPoint(List.of(), List.of());
        badEmail.put("email", List.of(map("addresses", List.of("oncall@example.com", "not an address"))));
        List<Diag> emailErrors = core.validate(config.with(ADDRESS, badEmail)).diagnostics();
        assertTrue(emailErrors.stream().anyMatch(d -> d.isError() && d.pathText().equals("email[0].addresses[1]")
                && !d.detail().contains(SLACK_B)), emailErrors.toString());
        Map<String, Object> slackForType = contactPoint(List.of(), List.of());
        slackForType.put("integration", List.of(map("type", "slack", "settings", map("url", SLACK_B))));
        List<Diag> genericErrors = core.validate(config.with(ADDRESS, slackForType)).diagnostics();
        assertTrue(genericErrors.stream().anyMatch(d -> d.isError() && d.pathText().equals("integration[0].type")),
                genericErrors.toString());

        // the server's findings point into the block they came from
        TerraformCore other = new TerraformCore(TerraformCore.distExecutable(), protocol);
        Configuration badUrl = Configuration.provider(provider).with("dashplane_contact_point.bad", map("name", "bad",
                "email", List.of(map("addresses", List.of("a@example.com"))),
                "teams", List.of(map("url", "https://teams.example.com/ok"), map("url", "ftp://teams.example.com/x"))));
        List<Diag> refused = other.planAndApply(badUrl).diagnostics();
        assertTrue(refused.stream().anyMatch(d -> d.isError() && d.pathText().equals("teams[1].url")), refused.toString());
        assertTrue(other.state().isEmpty());

        importPlansOnlyTheSecretRewrite(protocol, withoutWebhook);
        versionZeroStateUpgradesWithoutChanges(protocol, environment, provider);

        noErrors("destroy", core.destroy(withoutWebhook).diagnostics());
        assertNull(server.object(environment, "contact-points/team"));
    }

    /** The imported state lacks only the secrets: the plan changes exactly them (and the version), once. */
    private void importPlansOnlyTheSecretRewrite(int protocol, Configuration config) {
        TerraformCore importer = new TerraformCore(TerraformCore.distExecutable(), protocol);
        noErrors("import", importer.importResource(config, ADDRESS, "team").diagnostics());
        CtyValue imported = importer.stateValue(ADDRESS);
        assertTrue(imported.getAttr("slack").index(0).getAttr("url").isNull(), "the server returns no secret");
        assertEquals("#b", imported.getAttr("slack").index(0).getAttr("recipient").asString());
        assertFalse(imported.getAttr("integration").index(0).getAttr("settings").asMap().containsKey("url"), "no victorops url either");
        assertEquals("CRITICAL", imported.getAttr("integration").index(0).getAttr("settings").asMap().get("messageType").asString());
        TerraformCore.Plan afterImport = plan(importer, config);
        assertAction(afterImport, ADDRESS, Action.UPDATE);
        CtyValue prior = afterImport.change(ADDRESS).prior();
        CtyValue planned = afterImport.change(ADDRESS).planned();
        for (String type : List.of("email", "slack", "webhook", "integration")) {
            for (int i = 0; i < prior.getAttr(type).length(); i++) {
                CtyValue before = prior.getAttr(type).index(i);
                CtyValue after = planned.getAttr(type).index(i);
                for (String attribute : before.asMap().keySet()) {
                    // the generic blocks' settings hold the victorops url and the sns sigv4 keys
                    boolean secret = type.equals("slack") && attribute.equals("url")
                            || type.equals("integration") && attribute.equals("settings");
                    if (!secret) {
                        assertEquals(before.getAttr(attribute), after.getAttr(attribute), type + "[" + i + "]." + attribute);
                    }
                }
            }
        }
        assertEquals(prior.getAttr("name"), planned.getAttr("name"));
        Steps.apply(importer, config, afterImport);
        assertNoChanges(importer, config);
    }

    /**
     * State as provider versions with schema version 0 wrote it (lists of settings maps, no integration
     * uids unless configured) is upgraded and refreshed into the blocks: the block configuration plans no change.
     */
    private void versionZeroStateUpgradesWithoutChanges(int protocol, String environment, Map<String, Object> provider) {
        TerraformCore core = new TerraformCore(TerraformCore.distExecutable(), protocol);
        String address = "dashplane_contact_point.legacy";
        Configuration config = Configuration.provider(provider).with(address, map("uid", "legacy", "name", "legacy",
                "slack", List.of(map("url", SLACK_A, "recipient", "#legacy")),
                "email", List.of(map("addresses", List.of("legacy@example.com"), "single_email", true))));
        planAndApply(core, config);
        long version = core.stateValue(address).getAttr("version").asLong();
        String v0 = "{\"uid\":\"legacy\",\"name\":\"legacy\","
                + "\"email\":[{\"addresses\":\"legacy@example.com\",\"singleEmail\":\"true\"}],"
                + "\"slack\":[{\"url\":\"" + SLACK_A + "\",\"recipient\":\"#legacy\"}],"
                + "\"pagerduty\":null,\"webhook\":null,\"teams\":null,\"opsgenie\":null,\"telegram\":null,\"discord\":null,"
                + "\"googlechat\":null,\"environment\":\"" + environment + "\",\"id\":\"" + environment + "/legacy\","
                + "\"version\":" + version + "}";
        core.putState(address, new TerraformCore.InstanceState("dashplane_contact_point", 0, v0, new byte[0]));
        assertNoChanges(core, config);
        CtyValue upgraded = core.stateValue(address);
        assertEquals(SLACK_A, upgraded.getAttr("slack").index(0).getAttr("url").asString(), "the secret survives the upgrade");
        assertNotNull(upgraded.getAttr("slack").index(0).getAttr("uid").asString());
        noErrors("destroy legacy", core.destroy(config).diagnostics());
    }
}
