package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.SecurityConfig;
import io.dashplane.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLifecycleTest extends ServerTestSupport {

    @Test
    void tokensAreShownOnceListedWithoutSecretsAndStopWorkingWhenRevoked() {
        Accounts.Account ci = Accounts.create(api, "ci", Map.of("default", "Viewer"));
        assertTrue(ci.token().startsWith("dpt_") && ci.token().length() >= 4 + 43, ci.token());
        Api asCi = api.as(ci.token());
        Api.Reply whoami = asCi.get("/api/v1/whoami");
        assertEquals(200, whoami.status(), whoami.toString());
        assertEquals("ci", whoami.json().get("name").asText());
        assertEquals("Viewer", whoami.json().get("roles").get("default").asText());

        Api.Reply tokens = api.get("/api/v1/service-accounts/" + ci.id() + "/tokens");
        assertEquals(1, tokens.json().get("items").size(), tokens.toString());
        var listed = tokens.json().get("items").get(0);
        assertFalse(tokens.body().contains(ci.token()), "the listing shows the token");
        assertFalse(listed.has("token") || listed.has("tokenHash") || listed.has("hash"), listed.toString());
        assertTrue(ci.token().startsWith(listed.get("hint").asText().replace("...", "")), listed.toString());
        assertNotNull(listed.get("lastUsedAt").textValue(), "last use recorded: " + listed);

        assertEquals(204, api.delete("/api/v1/service-accounts/" + ci.id() + "/tokens/" + listed.get("id").asText()).status());
        Api.Reply after = asCi.get("/api/v1/whoami");
        assertEquals(401, after.status(), after.toString());
        assertTrue(after.header("WWW-Authenticate").startsWith("Bearer"), after.header("WWW-Authenticate"));
        assertEquals("https://dashplane.io/problems/unauthorized", after.json().get("type").asText());
        assertNotNull(api.get("/api/v1/service-accounts/" + ci.id() + "/tokens").json().get("items").get(0)
                .get("revokedAt").textValue());

        // Deleting the account ends its other tokens too.
        String second = Accounts.token(api, ci.id(), "{}");
        assertEquals(200, api.as(second).get("/api/v1/whoami").status());
        assertEquals(204, api.delete("/api/v1/service-accounts/" + ci.id()).status());
        assertEquals(401, api.as(second).get("/api/v1/whoami").status());
    }

    @Test
    void tokensStopWorkingAfterExpiry() throws InterruptedException {
        Accounts.Account ci = Accounts.create(api, "ci", Map.of("default", "Editor"));
        Api.Reply created = api.post("/api/v1/service-accounts/" + ci.id() + "/tokens", "{\"expiresInSeconds\":1}");
        assertEquals(201, created.status(), created.toString());
        String token = created.json().get("token").asText();
        Instant expiresAt = Instant.parse(created.json().get("expiresAt").asText());
        Api asCi = api.as(token);
        assertEquals(200, asCi.get(ENV + "/dashboards").status());
        while (!Instant.now().isAfter(expiresAt)) {
            Thread.sleep(50);
        }
        assertEquals(401, asCi.get(ENV + "/dashboards").status());
        assertEquals(422, api.post("/api/v1/service-accounts/" + ci.id() + "/tokens",
                "{\"expiresAt\":\"2001-01-01T00:00:00Z\"}").status());
        assertEquals(422, api.post("/api/v1/service-accounts/" + ci.id() + "/tokens",
                "{\"expiresAt\":\"tomorrow\"}").status());
    }

    @Test
    void missingMalformedAndWrongCredentialsAre401AndProbesArePublic() {
        Api anonymous = api.as(null);
        assertEquals(200, anonymous.get("/healthz").status());
        assertEquals(200, anonymous.get("/readyz").status());
        assertEquals(401, anonymous.get("/metrics").status());
        assertEquals(401, anonymous.get("/openapi.json").status());
        assertEquals(401, anonymous.get(ENV + "/dashboards").status());
        assertEquals(401, api.as("dpt_wrong").get(ENV + "/dashboards").status());
        Api.Reply basic = anonymous.send(HttpRequest.newBuilder(api.uri("/api/v1/whoami")).header("Authorization",
                basic("admin", io.dashplane.server.config.ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)));
        assertEquals(401, basic.status());
        assertTrue(basic.json().get("detail").asText().contains("basic authentication is disabled"), basic.toString());
        assertEquals(401, anonymous.send(HttpRequest.newBuilder(api.uri("/api/v1/whoami"))
                .header("Authorization", "Digest x")).status());
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottled(@TempDir Path otherDir) {
        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        try (RunningServer throttled = DashplaneServer.start(config.withSecurity(config.security().withAuthFailureLimit(3)))) {
            Api client = new Api(throttled.baseUri(), "dpt_guess");
            for (int i = 0; i < 3; i++) {
                assertEquals(401, client.get("/api/v1/whoami").status());
            }
            Api.Reply limited = client.get("/api/v1/whoami");
            assertEquals(429, limited.status(), limited.toString());
            assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1, limited.header("Retry-After"));
            assertEquals("application/problem+json", limited.contentType());
            // While the address is throttled, a right token is still accepted (AuthThrottlingTest).
            assertEquals(200, new Api(throttled.baseUri()).get("/api/v1/whoami").status());
            assertEquals(200, new Api(throttled.baseUri(), null).get("/healthz").status());
        }
    }

    @Test
    void basicAuthWorksWhenEnabled(@TempDir Path otherDir) {
        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        try (RunningServer withBasic = DashplaneServer.start(config.withSecurity(config.security().withBasicAuth(true)))) {
            Api anonymous = new Api(withBasic.baseUri(), null);
            Api.Reply ok = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/whoami"))
                    .header("Authorization", basic("admin", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)));
            assertEquals(200, ok.status(), ok.toString());
            assertEquals("admin", ok.json().get("name").asText());
            Api.Reply wrong = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/whoami"))
                    .header("Authorization", basic("admin", "dpt_wrong")));
            assertEquals(401, wrong.status());
            assertTrue(wrong.raw().headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith("Basic")));
        }
    }

    @Test
    void aFreshServerWithoutBootstrapTokenPrintsAGeneratedOneOnce(@TempDir Path otherDir) {
        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        config = config.withSecurity(config.security().withBootstrapToken(null));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String token;
        try (RunningServer fresh = DashplaneServer.start(config)) {
            Matcher m = Pattern.compile("token (dpt_[A-Za-z0-9_-]{43})").matcher(captured.toString(StandardCharsets.UTF_8));
            assertTrue(m.find(), "generated token printed: " + captured);
            token = m.group(1);
            Api.Reply whoami = new Api(fresh.baseUri(), token).get("/api/v1/whoami");
            assertEquals(200, whoami.status(), whoami.toString());
            assertTrue(whoami.json().get("serverAdmin").asBoolean());
        } finally {
            System.setErr(original);
        }
        captured.reset();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RunningServer again = DashplaneServer.start(config)) {
            assertFalse(captured.toString(StandardCharsets.UTF_8).contains("dpt_"), "printed only on first start");
            assertEquals(200, new Api(again.baseUri(), token).get("/api/v1/whoami").status());
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void theLastServerAdminCannotBeRemoved() {
        String adminId = api.get("/api/v1/whoami").json().get("id").asText();
        assertEquals(409, api.delete("/api/v1/service-accounts/" + adminId).status());
        assertEquals(409, api.put("/api/v1/service-accounts/" + adminId, "{\"name\":\"admin\",\"serverAdmin\":false}").status());
        assertEquals(409, api.post("/api/v1/service-accounts", "{\"name\":\"admin\"}").status());
        assertEquals(422, api.post("/api/v1/service-accounts", "{\"name\":\"x\",\"roles\":{\"nowhere\":\"Viewer\"}}").status());
        assertEquals(422, api.post("/api/v1/service-accounts", "{\"name\":\"x\",\"roles\":{\"default\":\"Owner\"}}").status());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
