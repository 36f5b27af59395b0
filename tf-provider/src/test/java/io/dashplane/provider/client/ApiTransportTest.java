package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP behaviour of the client (headers, retries, status handling, exact JSON) against a local
 * HTTP server that answers scripted responses. The API contract itself is tested end to end
 * against the real server elsewhere.
 */
class ApiTransportTest {
    record Recorded(String method, String pathAndQuery, String authorization, String ifMatch, String body) {
    }

    record Scripted(int status, String body) {
    }

    private HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Scripted>> script = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(new Recorded(exchange.getRequestMethod(), pathAndQuery,
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("If-Match"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        String key = exchange.getRequestMethod() + " " + pathAndQuery;
        List<Scripted> answers = script.get(key);
        Scripted answer = answers == null || answers.isEmpty() ? new Scripted(500, "{\"title\":\"unscripted " + key + "\"}")
                : answers.size() == 1 ? answers.get(0) : answers.remove(0);
        byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void on(String methodAndPath, Scripted... answers) {
        script.put(methodAndPath, new CopyOnWriteArrayList<>(List.of(answers)));
    }

    private DashplaneClient client(String token, int retries) {
        ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), token,
                null, null, retries, Duration.ofSeconds(10));
        return new DashplaneClient(config, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    @Test
    void sendsTheBearerTokenOnlyWhenSet() {
        on("GET /api/v1/environments/default", new Scripted(200, "{\"name\":\"default\"}"));
        client("tok-123", 0).getEnvironment("default");
        client(null, 0).getEnvironment("default");
        assertEquals("Bearer tok-123", requests.get(0).authorization());
        assertNull(requests.get(1).authorization());
    }

    @Test
    void retriesIdempotentRequestsOnUnavailable() {
        on("GET /api/v1/environments/default/folders/f1",
                new Scripted(503, null), new Scripted(429, null), new Scripted(200, "{\"uid\":\"f1\"}"));
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> folder = client(null, 3).getFolder(null, "f1");
        assertEquals("f1", folder.orElseThrow().get("uid").asText());
        assertEquals(3, requests.size());
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        on("DELETE /api/v1/environments/default/folders/f1", new Scripted(502, "{\"title\":\"Bad Gateway\"}"));
        DashplaneApiException error = assertThrows(DashplaneApiException.class,
                () -> client(null, 2).deleteFolder(null, "f1", false));
        assertEquals(502, error.status());
        assertEquals(3, requests.size());
    }

    @Test
    void doesNotRetryAPostTheServerReceived() {
        on("POST /api/v1/environments/default/folders", new Scripted(503, null), new Scripted(201, "{\"uid\":\"x\"}"));
        DashplaneApiException error = assertThrows(DashplaneApiException.class,
                () -> client(null, 3).createFolder(null, DashplaneClient.newObjectMapper().createObjectNode().put("title", "T")));
        assertEquals(503, error.status());
        assertEquals(1, requests.size());
        assertEquals("{\"title\":\"T\"}", requests.get(0).body());
    }

    @Test
    void notFoundIsEmptyForReadsAndFalseForDeletes() {
        on("GET /api/v1/environments/default/datasources/name/My%20Prom", new Scripted(404, "{\"title\":\"Not found\"}"));
        on("DELETE /api/v1/environments/default/datasources/gone", new Scripted(404, "{\"title\":\"Not found\"}"));
        on("DELETE /api/v1/environments/default/datasources/here", new Scripted(204, null));
        DashplaneClient client = client(null, 0);
        assertTrue(client.getDatasourceByName(null, "My Prom").isEmpty());
        assertFalse(client.deleteDatasource(null, "gone"));
        assertTrue(client.deleteDatasource(null, "here"));
    }

    @Test
    void errorsCarryTheProblem() {
        on("PUT /api/v1/environments/dev/datasources/p", new Scripted(409,
                "{\"type\":\"https://dashplane.io/problems/version-conflict\",\"title\":\"Version conflict\",\"status\":409,"
                        + "\"detail\":\"stored version is 5\",\"currentVersion\":5}"));
        on("GET /api/v1/environments?page=1&perPage=1000", new Scripted(401, "{\"title\":\"Unauthorized\",\"status\":401}"));
        DashplaneClient client = client("bad", 0);
        DashplaneApiException conflict = assertThrows(DashplaneApiException.class,
                () -> client.putDatasource("dev", "p", client.mapper().createObjectNode(), 4L));
        assertEquals(5L, conflict.currentVersion());
        assertEquals("stored version is 5", conflict.detail());
        assertEquals("\"4\"", requests.get(0).ifMatch());
        assertThrows(DashplaneAuthException.class, client::listEnvironments);
    }

    @Test
    void putReportsWhetherItCreated() {
        on("PUT /api/v1/environments/default/folders/a", new Scripted(201, "{\"uid\":\"a\",\"version\":1}"),
                new Scripted(200, "{\"uid\":\"a\",\"version\":2}"));
        DashplaneClient client = client(null, 0);
        assertTrue(client.putFolder(null, "a", client.mapper().createObjectNode(), null).created());
        Written second = client.putFolder(null, "a", client.mapper().createObjectNode(), null);
        assertFalse(second.created());
        assertEquals(2, second.body().get("version").asInt());
        assertNull(requests.get(0).ifMatch());
    }

    @Test
    void dashboardJsonIsKeptExactly() throws Exception {
        String dashboard = "{\"title\":\"T\",\"a\":1.50,\"b\":1.0,\"c\":0.1,\"big\":123456789012345678901234567890,"
                + "\"pi\":3.14159265358979323846264338327950288,\"nested\":{\"list\":[1,2.50,null,true]}}";
        on("GET /api/v1/environments/default/dashboards/d1",
                new Scripted(200, "{\"dashboard\":" + dashboard + ",\"meta\":{\"uid\":\"d1\",\"version\":2,\"folderUid\":null}}"));
        on("PUT /api/v1/environments/default/dashboards/d1", new Scripted(200, "{\"uid\":\"d1\",\"version\":3}"));
        DashplaneClient client = client(null, 0);
        Dashboard read = client.getDashboard(null, "d1").orElseThrow();
        assertEquals(dashboard, client.mapper().writeValueAsString(read.dashboard()));
        assertEquals(2, read.version());
        assertNull(read.folderUid());
        client.putDashboard(null, "d1", new DashboardWrite(read.dashboard(), null, "msg", 2L), false);
        JsonNode sent = client.mapper().readTree(requests.get(1).body());
        assertEquals(dashboard, client.mapper().writeValueAsString(sent.get("dashboard")));
        assertEquals("{\"dashboard\":" + dashboard + ",\"folderUid\":null,\"message\":\"msg\",\"version\":2}", requests.get(1).body());
    }

    @Test
    void searchBuildsTheQuery() {
        on("GET /api/v1/environments/default/dashboards?query=cpu%20load&tag=ml&tag=prod&folderUid=f&page=2&perPage=10",
                new Scripted(200, "{\"items\":[{\"uid\":\"x\"}],\"total\":11,\"page\":2,\"perPage\":10}"));
        Page page = client(null, 0).searchDashboards(null,
                new DashboardSearch("cpu load", List.of("ml", "prod"), "f", 2, 10));
        assertEquals(1, page.items().size());
        assertEquals(11, page.total());
        assertFalse(page.hasMore());
    }

    @Test
    void listAllFollowsPages() {
        on("GET /api/v1/environments?page=1&perPage=1000",
                new Scripted(200, "{\"items\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"total\":3,\"page\":1,\"perPage\":2}"));
        on("GET /api/v1/environments?page=2&perPage=1000",
                new Scripted(200, "{\"items\":[{\"name\":\"c\"}],\"total\":3,\"page\":2,\"perPage\":2}"));
        assertEquals(List.of("a", "b", "c"),
                client(null, 0).listEnvironments().stream().map(e -> e.get("name").asText()).toList());
    }

    @Test
    void connectionRefusedSaysTheServerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + port), null, null, null, 2, Duration.ofSeconds(5));
        DashplaneClient client = new DashplaneClient(config, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
        DashplaneUnreachableException error = assertThrows(DashplaneUnreachableException.class,
                () -> client.createEnvironment("x", null));
        assertTrue(error.getMessage().startsWith("cannot reach the Dashplane server at http://127.0.0.1:" + port + ": "),
                error.getMessage());
    }

    @Test
    void aNonJsonErrorPageBecomesTheDetail() {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            byte[] body = "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        DashplaneApiException error = assertThrows(DashplaneApiException.class, () -> client(null, 0).getFolder(null, "x"));
        assertEquals(502, error.status());
        assertEquals("<html>bad gateway</html>", error.detail());
    }
}
