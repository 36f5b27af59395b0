package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * rotate-key and the start-up key check cover sync target tokens. Offline commands on a data directory: SQLite
 * only, so this class is left out of the PostgreSQL run like KeyRotationTest.
 */
class SyncTargetKeyRotationTest extends ServerTestSupport {

    @Test
    void rotateKeyReSealsTheTokenAndTheWrongKeyRefusesToStart() throws Exception {
        api.post(SyncTargetApiTest.TARGETS, "{\"name\":\"grafana-a\",\"url\":\"http://127.0.0.1:9\",\"token\":\"" + SyncTargetApiTest.TOKEN
                + "\",\"enabled\":false}");
        server.close();
        java.nio.file.Path keyFile = dataDir.resolve(io.dashplane.server.crypto.SecretKeys.FILE_NAME);
        String oldKey = java.nio.file.Files.readString(keyFile).trim();
        assertEquals(0, new picocli.CommandLine(new io.dashplane.server.cli.Main()).execute("rotate-key", "--data-dir",
                dataDir.toString()));
        String newKey = java.nio.file.Files.readString(keyFile).trim();
        restart();
        String sealed = server.services().database().read(tx -> tx.select(org.jooq.impl.DSL.field("token_secret",
                String.class)).from(org.jooq.impl.DSL.table("sync_targets")).fetchSingle().value1());
        assertFalse(sealed.contains(SyncTargetApiTest.TOKEN));
        assertEquals(SyncTargetApiTest.TOKEN, new io.dashplane.server.crypto.SecretBox(io.dashplane.server.crypto.SecretKeys.decode(newKey))
                .open(sealed, "sync-target:default/grafana-a"));
        assertTrue(api.get(SyncTargetApiTest.TARGETS + "/grafana-a").json().get("hasToken").asBoolean());
        server.close();
        server = null;
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.dashplane.server.crypto.SecretCheck.WrongKeyException.class,
                () -> DashplaneServer.start(io.dashplane.server.config.ServerConfig.ephemeral(dataDir).withSecretKey(oldKey)));
        assertTrue(refused.getMessage().contains("sync target 'grafana-a'"), refused.getMessage());
        assertFalse(refused.getMessage().contains(SyncTargetApiTest.TOKEN));
    }
}
