package io.dashplane.server;

import static io.dashplane.server.AlertingTestSupport.CONTACT_POINTS;
import static io.dashplane.server.AlertingTestSupport.expect;
import static io.dashplane.server.AlertingTestSupport.expectInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.storage.Database;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Secret settings of the integration types Dashplane once stored as sent (victorops, pushover, sns, ...)
 * are sealed like slack's: never in a response or a database file, listed in {@code secureFields}, kept
 * by a replace that omits them, redacted in exports and bundle inputs.
 */
class ContactPointSecretsTest extends ServerTestSupport {
    private static final String COPY = "/api/v1/environments/copy";

    private final String victoropsUrl = "https://alert.victorops.com/integrations/generic/1/alert/" + unique("vo");
    private final String userKey = unique("pushover-user");
    private final String apiToken = unique("pushover-token");
    private final String accessKey = unique("AKIA");
    private final String secretKey = unique("sns-secret");
    private final List<String> secrets = List.of(victoropsUrl, userKey, apiToken, accessKey, secretKey);

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-secret";
    }

    private String contactPoint() {
        return """
                {"uid":"ops","name":"ml-ops","integrations":[
                 {"uid":"vo","type":"victorops","settings":{"url":"%s","messageType":"WARNING"}},
                 {"uid":"po","type":"pushover","settings":{"userKey":"%s","apiToken":"%s","sound":"bike"}},
                 {"uid":"sns","type":"sns","settings":{"topic_arn":"arn:aws:sns:us-east-1:123456789012:ml",
                  "sigv4":{"region":"us-east-1","access_key":"%s","secret_key":"%s"}}}]}"""
                .formatted(victoropsUrl, userKey, apiToken, accessKey, secretKey);
    }

    @Test
    void formerlyUncheckedTypesKeepTheirSecretsSealed() throws Exception {
        List<Api.Reply> replies = new ArrayList<>();
        Api.Reply created = expect(201, api.post(CONTACT_POINTS, contactPoint()));
        replies.add(created);
        assertEquals(0, created.json().get("warnings").size(), "validated types, no 'not checked' warning: " + created);
        assertSecureFields(created.json());
        assertEquals("us-east-1", created.json().at("/integrations/2/settings/sigv4/region").asText(),
                "plain settings next to a secret stay");
        assertEquals("bike", created.json().at("/integrations/1/settings/sound").asText());

        Api.Reply read = expect(200, api.get(CONTACT_POINTS + "/ops"));
        replies.add(read);
        assertSecureFields(read.json());

        // A replace that leaves every secret out (e.g. a GET body written back) keeps the stored ones.
        ObjectNode back = (ObjectNode) read.json().deepCopy();
        ((ObjectNode) back.at("/integrations/0/settings")).put("messageType", "CRITICAL");
        Api.Reply replaced = expect(200, api.put(CONTACT_POINTS + "/ops", back.toString()));
        replies.add(replaced);
        assertEquals(2, replaced.json().get("version").asLong(), replaced.toString());
        assertSecureFields(replaced.json());

        Api.Reply redacted = expect(200, api.get(ENV + "/alerting/export?format=json"));
        replies.add(redacted);
        JsonNode receivers = redacted.json().at("/contactPoints/0/receivers");
        assertEquals("[REDACTED]", receivers.at("/0/settings/url").asText(), redacted.toString());
        assertEquals("[REDACTED]", receivers.at("/1/settings/userKey").asText());
        assertEquals("[REDACTED]", receivers.at("/2/settings/sigv4/secret_key").asText());

        JsonNode decrypted = expect(200, api.get(ENV + "/alerting/export?format=json&decrypt=true"))
                .json().at("/contactPoints/0/receivers");
        assertEquals(victoropsUrl, decrypted.at("/0/settings/url").asText(), "the replace kept the stored secret");
        assertEquals(apiToken, decrypted.at("/1/settings/apiToken").asText());
        assertEquals(accessKey, decrypted.at("/2/settings/sigv4/access_key").asText());
        assertEquals("CRITICAL", decrypted.at("/0/settings/messageType").asText());

        Api.Reply bundle = expect(200, api.get(ENV + "/export?format=json"));
        replies.add(bundle);
        TreeSet<String> inputs = new TreeSet<>();
        for (JsonNode input : bundle.json().get("secretInputs")) {
            if ("ml-ops".equals(input.path("contactPoint").asText())) {
                inputs.add(input.get("integration").asInt() + "/" + input.get("key").asText());
            }
        }
        assertEquals(new TreeSet<>(List.of("0/url", "1/apiToken", "1/userKey", "2/sigv4.access_key", "2/sigv4.secret_key")),
                inputs, bundle.toString());

        for (Api.Reply reply : replies) {
            for (String secret : secrets) {
                assertFalse(reply.body().contains(secret), "a secret in " + reply);
            }
        }
        SecretExposureTest.assertNoDatabaseFileContains(dataDir, secrets);
        server.close();
        server = null;
        SecretExposureTest.assertNoDatabaseFileContains(dataDir, secrets);
    }

    @Test
    void bundleImportTakesTheSecretsAsInputs() throws Exception {
        expect(201, api.post(CONTACT_POINTS, contactPoint()));
        expect(201, api.post("/api/v1/environments", "{\"name\":\"copy\"}"));
        JsonNode bundle = expect(200, api.get(ENV + "/export?format=json")).json();
        ObjectNode envelope = Api.JSON.createObjectNode();
        envelope.set("bundle", bundle);
        ObjectNode given = envelope.putObject("contactPointSecrets").putObject("ml-ops");
        Map.of("0/url", "https://alert.victorops.com/integrations/generic/2/alert/k/ml", "1/userKey", "u2",
                "1/apiToken", "t2", "2/sigv4.access_key", "a2").forEach(given::put);
        var missing = api.post(COPY + "/import", envelope.toString());
        assertEquals(422, missing.status(), missing.toString());
        assertTrue(missing.toString().contains("sigv4.secret_key"), missing.toString());

        given.put("2/sigv4.secret_key", "s2");
        expect(200, api.post(COPY + "/import", envelope.toString()));
        JsonNode imported = expect(200, api.get(COPY + "/contact-points/ops")).json();
        assertSecureFields(imported);
        JsonNode decrypted = expect(200, api.get(COPY + "/alerting/export?format=json&decrypt=true"))
                .json().at("/contactPoints/0/receivers");
        assertEquals("s2", decrypted.at("/2/settings/sigv4/secret_key").asText());
    }

    @Test
    void secretsStoredInPlainTextByEarlierReleasesAreSealedAtStart() throws Exception {
        expect(201, api.post(CONTACT_POINTS, """
                {"uid":"legacy","name":"legacy","integrations":[{"uid":"po","type":"pushover","settings":{"userKey":"sealed-user","apiToken":"sealed-token"}}]}"""));
        server.close();
        // What a release that stored victorops settings as sent left behind: the url among the plain settings.
        try (Database db = io.dashplane.server.testdb.TestBackend.open(dataDir)) {
            db.write(tx -> tx.update(DSL.table("contact_points"))
                    .set(DSL.field("data", String.class), """
                            [{"uid":"vo","type":"victorops","settings":{"url":"%s","messageType":"WARNING"}},
                             {"uid":"po","type":"pushover","settings":{"sound":"bike"}}]""".formatted(victoropsUrl))
                    .set(DSL.field("secure_fields", String.class), "{\"po\":[\"apiToken\",\"userKey\"]}")
                    .where(DSL.field("uid", String.class).eq("legacy")).execute());
        }
        server = DashplaneServer.start(io.dashplane.server.testdb.TestBackend.ephemeral(dataDir));
        api = new Api(server.baseUri());

        Api.Reply read = expect(200, api.get(CONTACT_POINTS + "/legacy"));
        assertFalse(read.body().contains(victoropsUrl), read.toString());
        assertEquals("{\"url\":true}", read.json().at("/integrations/0/secureFields").toString(), read.toString());
        assertEquals("WARNING", read.json().at("/integrations/0/settings/messageType").asText());
        assertEquals(1, read.json().get("version").asLong(), "same content, same version");
        JsonNode decrypted = expect(200, api.get(ENV + "/alerting/export?format=json&decrypt=true"))
                .json().at("/contactPoints/0/receivers");
        assertEquals(victoropsUrl, decrypted.at("/0/settings/url").asText());
        assertEquals("sealed-token", decrypted.at("/1/settings/apiToken").asText(), "secrets sealed before stay");
        assertFalse(expect(200, api.get(ENV + "/alerting/export?format=json")).body().contains(victoropsUrl));
    }

    @Test
    void requiredSettingsOfFormerlyUncheckedTypesAreChecked() {
        expectInvalid("/integrations/0/settings/apiToken", api.post(CONTACT_POINTS, """
                {"name":"po","integrations":[{"type":"pushover","settings":{"userKey":"u"}}]}"""));
        expectInvalid("/integrations/0/settings/sigv4/secret_key", api.post(CONTACT_POINTS, """
                {"name":"sns","integrations":[{"type":"sns","settings":{"topic_arn":"arn:aws:sns:us-east-1:1:t",
                 "sigv4":{"access_key":"a"}}}]}"""));
        expectInvalid("/integrations/0/type", api.post(CONTACT_POINTS, """
                {"name":"pigeon","integrations":[{"type":"carrier-pigeon","settings":{}}]}"""));
    }

    private static void assertSecureFields(JsonNode contactPoint) {
        JsonNode integrations = contactPoint.get("integrations");
        assertEquals("{\"url\":true}", integrations.at("/0/secureFields").toString(), contactPoint.toString());
        assertEquals(new TreeSet<>(List.of("apiToken", "userKey")), names(integrations.at("/1/secureFields")));
        assertEquals(new TreeSet<>(List.of("sigv4.access_key", "sigv4.secret_key")), names(integrations.at("/2/secureFields")));
        assertFalse(integrations.at("/0/settings").has("url"), contactPoint.toString());
        assertFalse(integrations.at("/1/settings").has("userKey") || integrations.at("/1/settings").has("apiToken"));
        assertFalse(integrations.at("/2/settings/sigv4").has("access_key") || integrations.at("/2/settings/sigv4").has("secret_key"));
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
