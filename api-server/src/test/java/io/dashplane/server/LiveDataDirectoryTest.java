package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.crypto.SecretKeys;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 3: rotate-key against a live server lost secrets. The server holds its data directory for
 * its lifetime; offline commands and a second server refuse; a wrong key stops the start-up.
 */
class LiveDataDirectoryTest extends ServerTestSupport {

    @Test
    void rotateKeyIsRefusedWhileAServerRunsOnTheDataDirectoryAndChangesNothing() throws Exception {
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"before\",\"name\":\"Before\",\"type\":\"x\","
                + "\"secureJsonData\":{\"password\":\"p-before\"}}").status());
        String key = Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim();

        CliRun run = CliRun.of("rotate-key", "--data-dir", dataDir.toString());

        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("server") && run.err().contains("running on the data directory"), run.toString());
        assertEquals(key, Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim(), "the key file is unchanged");
        assertFalse(Files.exists(dataDir.resolve(SecretKeys.FILE_NAME + ".new")));
        assertEquals(0, api.get("/api/v1/audit?kind=secret-key").json().get("total").asLong(), "no rotation recorded");
        // A secret written through the running server afterwards survives a restart, with the old one.
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"after\",\"name\":\"After\",\"type\":\"x\","
                + "\"secureJsonData\":{\"password\":\"p-after\"}}").status());
        restart();
        assertEquals("p-before", server.services().datasources().decryptSecrets("default", "before").get("password"));
        assertEquals("p-after", server.services().datasources().decryptSecrets("default", "after").get("password"));

        server.close();
        CliRun stopped = CliRun.of("rotate-key", "--data-dir", dataDir.toString());
        assertEquals(0, stopped.exitCode(), "with the server stopped the rotation runs: " + stopped);
        server = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
            RunningServer second = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
            second.close();
        });
        assertTrue(refused.getMessage().contains("running on the data directory " + dataDir.toRealPath()),
                refused.getMessage());
        // The CLI says so and exits non-zero at once (before the fix it served; the timeout ends that case).
        CliRun serve = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("serve", "--port", "0",
                "--data-dir", dataDir.toString()));
        assertNotEquals(0, serve.exitCode(), serve.toString());
        assertTrue(serve.err().contains("running on the data directory"), serve.toString());
        // The first server is unaffected.
        assertEquals(200, api.get(ENV + "/dashboards").status());
        assertEquals(201, api.put(ENV + "/dashboards/still", "{\"dashboard\":{\"title\":\"Still\",\"schemaVersion\":39}}")
                .status());
        // Its lock goes with it.
        server.close();
        server = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
        api = new Api(server.baseUri());
        assertEquals(200, api.get(ENV + "/dashboards/still").status());
    }

    @Test
    void aServerWithTheWrongKeyRefusesToStartNamingTheUndecryptableSecrets() throws Exception {
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"pg\",\"name\":\"Postgres main\",\"type\":\"postgres\","
                + "\"secureJsonData\":{\"password\":\"SECRETPASSWORD\"}}").status());
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"plain\",\"name\":\"No secrets\",\"type\":\"x\"}").status());
        assertEquals(201, api.post(ENV + "/contact-points", AlertingTestSupport.SLACK).status());
        server.close();
        String rightKey = Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
            RunningServer wrong = DashplaneServer.start(ServerConfig.ephemeral(dataDir).withSecretKey(SecretKeys.generate()));
            wrong.close();
        });
        String message = refused.getMessage();
        assertTrue(message.contains("datasource 'pg'") && message.contains("Postgres main"), message);
        assertTrue(message.contains("contact point 'slack'") && message.contains("ml-slack"), message);
        assertTrue(message.contains("environment 'default'"), message);
        assertFalse(message.contains("'plain'"), "a datasource without secrets is fine: " + message);
        assertFalse(message.contains("SECRETPASSWORD") || message.contains("SECRETSLACKTOKEN"), message);
        assertTrue(message.contains("DASHPLANE_SECRET_KEY") && message.contains("secret.key"), "says how to fix it: " + message);

        // Through the CLI: a config file with the wrong key, exit non-zero and the same message on stderr.
        java.nio.file.Path config = dataDir.resolveSibling(dataDir.getFileName() + "-wrong-key.yaml");
        Files.writeString(config, "secretKey: " + SecretKeys.generate() + "\n");
        try {
            CliRun serve = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("serve", "--port", "0",
                    "--data-dir", dataDir.toString(), "--config", config.toString()));
            assertEquals(1, serve.exitCode(), serve.toString());
            assertTrue(serve.err().contains("datasource 'pg'") && serve.err().contains("contact point 'slack'"), serve.toString());
        } finally {
            Files.deleteIfExists(config);
        }

        // The right key still starts it and the secrets are intact.
        assertEquals(rightKey, Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim());
        server = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
        assertEquals("SECRETPASSWORD", server.services().datasources().decryptSecrets("default", "pg").get("password"));
    }
}
