package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.cli.Main;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.crypto.SecretKeys;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** rotate-key re-encrypts every stored secret; afterwards they open with the new key only. */
class KeyRotationTest extends ServerTestSupport {

    @Test
    void rotationKeepsEverySecretUsable() throws Exception {
        for (String env : new String[] {"default", "prod"}) {
            if (!env.equals("default")) {
                assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"" + env + "\"}").status());
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(201, api.post("/api/v1/environments/" + env + "/datasources", "{\"uid\":\"ds" + i
                        + "\",\"name\":\"DS " + i + "\",\"type\":\"postgres\",\"secureJsonData\":{\"password\":\"pw-"
                        + env + i + "\",\"tlsKey\":\"k" + i + "\"}}").status());
            }
        }
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"plain\",\"name\":\"No secrets\",\"type\":\"x\"}").status());
        assertEquals(201, api.post(ENV + "/contact-points", AlertingTestSupport.SLACK).status());
        assertEquals(201, api.post(ENV + "/contact-points", """
                {"uid":"ops","name":"ml-ops","integrations":[{"type":"victorops","settings":{"url":"https://v/SECRETVICTOROPS"}},
                 {"type":"sns","settings":{"phone_number":"+15555550100","sigv4":{"access_key":"AK","secret_key":"SECRETSNSKEY"}}}]}""")
                .status());
        server.close();
        String oldKey = Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim();

        assertEquals(2, new CommandLine(new Main()).execute("rotate-key", "--data-dir", dataDir.toString(),
                "--new-key", "not-base64!"), "a bad key is refused");
        assertEquals(oldKey, Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim());
        assertEquals(0, new CommandLine(new Main()).execute("rotate-key", "--data-dir", dataDir.toString()));
        String newKey = Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim();
        assertNotEquals(oldKey, newKey);
        assertFalse(Files.exists(dataDir.resolve(SecretKeys.FILE_NAME + ".new")));

        restart();
        Services services = server.services();
        for (String env : new String[] {"default", "prod"}) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Map.of("password", "pw-" + env + i, "tlsKey", "k" + i),
                        services.datasources().decryptSecrets(env, "ds" + i));
                String sealed = services.database().read(tx -> services.datasourceRepository()
                        .sealedSecrets(tx, "default", "ds0")).orElseThrow();
                SecretBox old = new SecretBox(SecretKeys.decode(oldKey));
                assertThrows(IllegalStateException.class, () -> old.open(sealed, "datasource:default/ds0"));
            }
        }
        assertEquals(Map.of(), services.datasources().decryptSecrets("default", "plain"));
        // Contact-point secrets moved too: they open with the new key (the AAD the service seals with).
        String sealedContact = services.database().read(tx -> tx.select(org.jooq.impl.DSL.field("secure_data", String.class))
                .from(org.jooq.impl.DSL.table("contact_points")).where("uid = 'slack'").fetchSingle().value1());
        String opened = new SecretBox(SecretKeys.decode(newKey)).open(sealedContact, "contact-point:default/slack");
        assertTrue(opened.contains("SECRETSLACKTOKEN"), "contact-point secret readable with the new key");
        String sealedOps = services.database().read(tx -> tx.select(org.jooq.impl.DSL.field("secure_data", String.class))
                .from(org.jooq.impl.DSL.table("contact_points")).where("uid = 'ops'").fetchSingle().value1());
        String openedOps = new SecretBox(SecretKeys.decode(newKey)).open(sealedOps, "contact-point:default/ops");
        assertTrue(openedOps.contains("SECRETVICTOROPS") && openedOps.contains("SECRETSNSKEY"), "victorops and sns secrets moved");
        // ... and the API still serves the contact point with its secret field kept.
        assertTrue(api.get(ENV + "/contact-points/slack").json().at("/integrations/0/secureFields/url").asBoolean());
        // The API still works and the rotation is audited.
        assertEquals(200, api.put(ENV + "/datasources/ds0", "{\"name\":\"DS 0\",\"type\":\"postgres\"}").status());
        assertEquals("pw-default0", services.datasources().decryptSecrets("default", "ds0").get("password"));
        assertTrue(api.get("/api/v1/audit?kind=secret-key").json().get("total").asLong() == 1);
    }

    @Test
    void aGivenKeyIsUsedAndAWrongOldKeyChangesNothing() throws Exception {
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"a\",\"name\":\"A\",\"type\":\"x\","
                + "\"secureJsonData\":{\"password\":\"p\"}}").status());
        server.close();
        String before = Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim();
        String wrongOld = SecretKeys.generate();
        assertEquals(1, new CommandLine(new Main()).execute("rotate-key", "--data-dir", dataDir.toString(),
                "--old-key", wrongOld));
        assertEquals(before, Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim());
        assertFalse(Files.exists(dataDir.resolve(SecretKeys.FILE_NAME + ".new")));
        String chosen = SecretKeys.generate();
        assertEquals(0, new CommandLine(new Main()).execute("rotate-key", "--data-dir", dataDir.toString(),
                "--new-key", chosen));
        assertEquals(chosen, Files.readString(dataDir.resolve(SecretKeys.FILE_NAME)).trim());
        restart();
        assertEquals("p", server.services().datasources().decryptSecrets("default", "a").get("password"));
    }
}
