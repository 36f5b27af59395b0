package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.ConfigLoader;
import io.dashplane.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request body limit comes from the configuration (here DASHPLANE_MAX_BODY_SIZE) and answers 413 above it. */
class BodySizeLimitTest {
    @TempDir
    Path dataDir;

    @Test
    void aConfiguredLimitAcceptsBodiesUpToItAndAnswers413AboveIt() {
        ServerConfig loaded = new ConfigLoader(Map.of("DASHPLANE_MAX_BODY_SIZE", "64KiB"))
                .load(new ConfigLoader.Flags(null, null, null, null));
        ServerConfig ephemeral = ServerConfig.ephemeral(dataDir);
        ServerConfig config = new ServerConfig(ephemeral.bind(), 0, dataDir, null, ephemeral.shutdownGrace(),
                loaded.maxBodyBytes(), null, ephemeral.security());
        try (RunningServer server = DashplaneServer.start(config)) {
            Api api = new Api(server.baseUri());
            String fits = dashboard("fits", 60_000);
            assertTrue(fits.length() < 65_536);
            var ok = api.post(ServerTestSupport.ENV + "/dashboards", fits);
            assertEquals(201, ok.status(), ok.toString());

            var tooLarge = api.post(ServerTestSupport.ENV + "/dashboards", dashboard("big", 70_000));
            assertEquals(413, tooLarge.status(), tooLarge.toString());
            assertTrue(tooLarge.contentType().startsWith("application/problem+json"), tooLarge.toString());
            assertEquals(65_536, tooLarge.json().get("limit").asLong(), tooLarge.toString());
        }
    }

    private static String dashboard(String uid, int descriptionLength) {
        return "{\"dashboard\": {\"uid\": \"" + uid + "\", \"title\": \"T\", \"schemaVersion\": 39, \"description\": \""
                + "x".repeat(descriptionLength) + "\"}}";
    }
}
