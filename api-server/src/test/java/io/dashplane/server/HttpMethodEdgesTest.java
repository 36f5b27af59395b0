package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.ServerConfig;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 9: OPTIONS answers the route's methods (no token needed), the same set a 405 advertises. */
class HttpMethodEdgesTest extends ServerTestSupport {
    /** Routes without a PATCH (an environment itself has one: its description). */
    private static final List<String> ROUTES = List.of("/api/v1/environments", ENV + "/changes", ENV + "/dashboards",
            ENV + "/dashboards/abc", ENV + "/folders/f/move", ENV + "/notification-policy", "/api/v1/whoami",
            "/api/v1/service-accounts", "/healthz", "/metrics", "/openapi.json");

    static Set<String> methods(String header) {
        assertTrue(header != null && !header.isBlank(), "an Allow header");
        return Arrays.stream(header.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Api.Reply options(Api client, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(client.uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b);
    }

    private static Api.Reply patch(Api client, String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
    }

    /** OPTIONS without a token: 204 and an Allow header equal to the one of the route's 405 answer. */
    private static void assertOptionsAgreeWith405(Api admin, Api anonymous) {
        for (String route : ROUTES) {
            Api.Reply options = options(anonymous, route);
            assertEquals(204, options.status(), route + ": " + options);
            Api.Reply notAllowed = patch(admin, route);
            assertEquals(405, notAllowed.status(), route + ": " + notAllowed);
            assertEquals(methods(notAllowed.header("Allow")), methods(options.header("Allow")), route);
            assertTrue(methods(options.header("Allow")).contains("OPTIONS"), route);
            if (methods(options.header("Allow")).contains("HEAD")) {
                Api.Reply head = admin.send(HttpRequest.newBuilder(admin.uri(route)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
                assertTrue(head.status() == 200 || head.status() == 404, route + ": HEAD is answered like GET: " + head);
            }
        }
        assertEquals(Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PUT"), methods(options(anonymous, ENV + "/dashboards/abc").header("Allow")));
        assertEquals(404, options(anonymous, "/api/v1/nothing-here").status());
    }

    @Test
    void optionsAnswersTheRouteMethodsWithoutAuthenticationAndAgreesWith405WhenCorsIsOff() {
        assertOptionsAgreeWith405(api, api.as(null));
        Api.Reply withBadToken = options(api.as("not-a-token"), ENV + "/dashboards");
        assertEquals(204, withBadToken.status(), withBadToken.toString());
        Api.Reply preflight = options(api.as(null), ENV + "/dashboards", "Origin", "https://ui.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(204, preflight.status(), preflight.toString());
        assertNull(preflight.header("Access-Control-Allow-Origin"), "CORS is off");
    }

    @Test
    void optionsAndCorsPreflightAnswerTheRouteMethodsWhenCorsIsOn(@TempDir Path otherDir) {
        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        config = config.withSecurity(config.security().withCorsOrigins(List.of("https://ui.example")));
        try (RunningServer s = DashplaneServer.start(config)) {
            Api admin = new Api(s.baseUri());
            Api anonymous = admin.as(null);
            assertOptionsAgreeWith405(admin, anonymous);

            Api.Reply preflight = options(anonymous, ENV + "/dashboards/abc", "Origin", "https://ui.example",
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization, if-match");
            assertEquals(204, preflight.status(), preflight.toString());
            assertEquals("https://ui.example", preflight.header("Access-Control-Allow-Origin"));
            assertEquals(methods(preflight.header("Allow")), methods(preflight.header("Access-Control-Allow-Methods")));
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("If-Match"), preflight.toString());

            Api.Reply otherOrigin = options(anonymous, ENV + "/dashboards/abc", "Origin", "https://evil.example",
                    "Access-Control-Request-Method", "PUT");
            assertNull(otherOrigin.header("Access-Control-Allow-Origin"), otherOrigin.toString());
            assertNull(otherOrigin.header("Access-Control-Allow-Methods"), otherOrigin.toString());

            assertEquals(404, options(anonymous, "/api/v1/nothing-here", "Origin", "https://ui.example",
                    "Access-Control-Request-Method", "GET").status());
        }
    }
}
