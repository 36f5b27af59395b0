package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.ServerConfig;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item "Auth throttling locks out valid tokens": failures are throttled, valid credentials never are. */
class AuthThrottlingTest extends ServerTestSupport {

    @Test
    void aValidTokenIsAcceptedAtOnceAfterManyBadTokensFromTheSameAddressWhileBadTokensStayThrottled() {
        Api guesser = api.as("dpt_guess");
        for (int i = 0; i < 10; i++) {
            Api.Reply r = guesser.get("/api/v1/whoami");
            assertEquals(401, r.status(), "failure " + (i + 1) + ": " + r);
        }
        assertThrottled(guesser.get("/api/v1/whoami"));
        assertThrottled(guesser.get(ENV + "/dashboards"));

        // the valid admin token from the same address: accepted, and not made to wait
        Api.Reply valid = api.get("/api/v1/whoami");
        assertEquals(200, valid.status(), valid.toString());
        assertNull(valid.header("Retry-After"), valid.toString());
        assertEquals("admin", valid.json().get("name").asText());
        assertEquals(200, api.get(ENV + "/dashboards").status());

        // a success does not clear the failures: the next bad token is still throttled
        assertThrottled(guesser.get("/api/v1/whoami"));
        assertThrottled(api.as("dpt_another-guess").get("/api/v1/whoami"));
        assertEquals(200, api.get("/api/v1/whoami").status());
        assertEquals(200, api.as(null).get("/healthz").status());
    }

    @Test
    void basicAuthWithTheRightPasswordIsAcceptedWhileTheAddressIsThrottled(@TempDir Path otherDir) {
        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        try (RunningServer basic = DashplaneServer.start(config.withSecurity(config.security().withBasicAuth(true)
                .withAuthFailureLimit(2)))) {
            Api anonymous = new Api(basic.baseUri(), null);
            HttpRequest.Builder wrong = HttpRequest.newBuilder(anonymous.uri("/api/v1/whoami"))
                    .header("Authorization", TokenLifecycleTest.basic("admin", "dpt_wrong"));
            assertEquals(401, anonymous.send(wrong).status());
            assertEquals(401, anonymous.send(wrong).status());
            assertThrottled(anonymous.send(wrong));
            Api.Reply right = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/whoami"))
                    .header("Authorization", TokenLifecycleTest.basic("admin", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)));
            assertEquals(200, right.status(), right.toString());
            assertThrottled(anonymous.send(wrong));
        }
    }

    private static void assertThrottled(Api.Reply r) {
        assertEquals(429, r.status(), r.toString());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("https://dashplane.io/problems/too-many-requests", r.json().get("type").asText(), r.toString());
        assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, r.header("Retry-After"));
    }
}
