package io.dashplane.provider.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.DashplaneServer;
import io.dashplane.server.RunningServer;
import io.dashplane.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real server: 401 and 403 become DashplaneAuthException messages that say what is missing. */
class ServerAuthDiagnosticsTest {
    @TempDir
    Path dataDir;

    @Test
    void forbiddenNamesTheMissingRoleAndUnauthorizedSaysSo() throws Exception {
        try (RunningServer server = DashplaneServer.start(ServerConfig.ephemeral(dataDir))) {
            URI base = server.baseUri();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode account = post(http, base.resolve("api/v1/service-accounts"),
                    "{\"name\":\"reader\",\"roles\":{\"default\":\"Viewer\"}}");
            String token = post(http, base.resolve("api/v1/service-accounts/" + account.get("id").asText() + "/tokens"),
                    "{}").get("token").asText();

            DashplaneClient viewer = new DashplaneClient(new ClientConfig(base, token, null, null, 0, Duration.ofSeconds(10)));
            assertEquals("default", viewer.getEnvironment("default").orElseThrow().get("name").asText());
            DashplaneAuthException forbidden = assertThrows(DashplaneAuthException.class, () ->
                    viewer.createFolder("default", (com.fasterxml.jackson.databind.node.ObjectNode)
                            viewer.mapper().readTree("{\"title\":\"x\"}")));
            assertTrue(forbidden.getMessage().contains("HTTP 403")
                    && forbidden.getMessage().contains("needs role Editor in environment 'default'"), forbidden.getMessage());

            DashplaneClient anonymous = new DashplaneClient(new ClientConfig(base, null, null, null, 0, Duration.ofSeconds(10)));
            DashplaneAuthException unauthorized = assertThrows(DashplaneAuthException.class, anonymous::listEnvironments);
            assertTrue(unauthorized.getMessage().contains("HTTP 401")
                    && unauthorized.getMessage().contains("authentication required"), unauthorized.getMessage());
        }
    }

    private static JsonNode post(HttpClient http, URI uri, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return DashplaneClient.newObjectMapper().readTree(r.body());
    }
}
