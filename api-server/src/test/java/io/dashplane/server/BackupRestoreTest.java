package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.crypto.SecretKeys;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashplane backup} from a running server and {@code dashplane restore} into a fresh data directory, through
 * the real CLI entry point: a server started on the restored directory holds everything the source held.
 */
class BackupRestoreTest extends ServerTestSupport {
    private static final String PROD = "/api/v1/environments/prod";
    private static final String TOKEN = ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN;
    private static final String DS_SECRET = "s3cret-basic-auth";

    @TempDir
    Path work;

    @Test
    void aBackupOfARunningServerRestoredIntoAFreshDirectoryHoldsEverything() throws IOException {
        List<String> dashboards = seed();
        Path backup = work.resolve("dashplane-backup.db");
        CliRun taken = CliRun.of("backup", "--server", server.baseUri().toString(), "--token", TOKEN,
                "--out", backup.toString());
        assertEquals(0, taken.exitCode(), taken.toString());
        assertTrue(taken.out().startsWith("backup written to " + backup), taken.toString());
        JsonNode auditAtBackup = json(api.get("/api/v1/audit?perPage=500"));
        // written after the backup: not in it
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"later\",\"title\":\"After the backup\"}"));

        Path restored = work.resolve("restored");
        CliRun put = CliRun.of("restore", "--data-dir", restored.toString(), backup.toString());
        assertEquals(0, put.exitCode(), put.toString());
        assertTrue(put.out().contains("copy the secret key"), "a fresh directory has no key yet: " + put);
        // the secret key is deliberately not in the backup: it travels separately
        Files.copy(dataDir.resolve(SecretKeys.FILE_NAME), restored.resolve(SecretKeys.FILE_NAME));

        try (RunningServer copy = DashplaneServer.start(ServerConfig.ephemeral(restored))) {
            Api other = new Api(copy.baseUri());
            for (String env : List.of("default", "prod")) {
                String e = "/api/v1/environments/" + env;
                assertEquals(api.get(e).json(), other.get(e).json(), env);
                String export = e + "/export?format=json&decrypt=true";
                String alerting = e + "/alerting/export?format=json&decrypt=true";
                if (env.equals("prod")) {
                    assertEquals(json(api.get(export + "&folder=ml&folder=k8s")), json(other.get(export + "&folder=ml&folder=k8s")));
                }
                assertEquals(json(api.get(alerting)), json(other.get(alerting)), env);
            }
            for (String uid : dashboards) {
                assertEquals(json(api.get(PROD + "/dashboards/" + uid)), json(other.get(PROD + "/dashboards/" + uid)), uid);
                assertEquals(json(api.get(PROD + "/dashboards/" + uid + "/versions")),
                        json(other.get(PROD + "/dashboards/" + uid + "/versions")), uid);
            }
            assertEquals(3, other.get(PROD + "/dashboards/" + dashboards.get(0) + "/versions").json().path("total").asInt());
            assertEquals(server.services().datasources().decryptSecrets("prod", "Prometheus"),
                    copy.services().datasources().decryptSecrets("prod", "Prometheus"));
            assertEquals(DS_SECRET, copy.services().datasources().decryptSecrets("prod", "Prometheus").get("basicAuthPassword"));
            assertEquals(auditAtBackup, json(other.get("/api/v1/audit?perPage=500")));
            assertEquals(404, other.get(PROD + "/folders/later").status());
        }
    }

    @Test
    void restoreIsRefusedWhileAServerRunsOnTheDirectoryAndDoesNotOverwriteWithoutForce() throws IOException {
        Path backup = work.resolve("b.db");
        assertEquals(0, CliRun.of("backup", "--server", server.baseUri().toString(), "--token", TOKEN,
                "--out", backup.toString()).exitCode());

        CliRun refused = CliRun.of("restore", "--data-dir", dataDir.toString(), "--force", backup.toString());
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("dashplane: refused: ") && refused.err().contains(".lock"), refused.toString());

        server.close();
        CliRun exists = CliRun.of("restore", "--data-dir", dataDir.toString(), backup.toString());
        assertEquals(1, exists.exitCode(), exists.toString());
        assertTrue(exists.err().contains("dashplane.db exists; pass --force to replace it"), exists.toString());
        CliRun forced = CliRun.of("restore", "--data-dir", dataDir.toString(), "--force", backup.toString());
        assertEquals(0, forced.exitCode(), forced.toString());
        server = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
        api = new Api(server.baseUri());
        assertEquals(200, api.get(ENV).status());

        Path notABackup = work.resolve("notes.txt");
        Files.writeString(notABackup, "not a database");
        server.close();
        CliRun wrong = CliRun.of("restore", "--data-dir", work.resolve("x").toString(), notABackup.toString());
        assertEquals(1, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("is not a Dashplane backup"), wrong.toString());
        server = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
    }

    @Test
    void onlyServerAdminsCanTakeABackup() {
        Accounts.Account admin = Accounts.create(api, "env-admin", java.util.Map.of("default", "Admin"));
        Path out = work.resolve("denied.db");
        CliRun denied = CliRun.of("backup", "--server", server.baseUri().toString(), "--token", admin.token(),
                "--out", out.toString());
        assertEquals(1, denied.exitCode(), denied.toString());
        assertTrue(denied.err().contains("the server answered 403"), denied.toString());
        assertTrue(!Files.exists(out) && !Files.exists(work.resolve("denied.db.partial")), "nothing is left behind");
    }

    /** prod: a datasource with a secret, folders, the corpus dashboards (one with history), alerting with secrets. */
    private List<String> seed() throws IOException {
        ok(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}"));
        ok(201, api.post(PROD + "/datasources", """
                {"uid":"Prometheus","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090",
                 "basicAuth":true,"basicAuthUser":"grafana","secureJsonData":{"basicAuthPassword":"%s"}}"""
                .formatted(DS_SECRET)));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"ml\",\"title\":\"Machine learning\"}"));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"k8s\",\"title\":\"Kubernetes\"}"));
        ok(200, api.put(PROD, "{\"validation\":\"warn\"}"));
        List<String> uids = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpusDir())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < files.size(); i++) {
                Api.Reply created = api.post(PROD + "/dashboards", "{\"dashboard\":" + read(files.get(i))
                        + ",\"folderUid\":\"" + (i % 2 == 0 ? "ml" : "k8s") + "\"}");
                ok(201, created);
                uids.add(created.json().path("uid").asText());
            }
        }
        // history: two more versions of the first dashboard
        String first = uids.get(0);
        for (int v = 2; v <= 3; v++) {
            JsonNode current = api.get(PROD + "/dashboards/" + first).json().path("dashboard");
            ((com.fasterxml.jackson.databind.node.ObjectNode) current).put("title", "Edited " + v);
            ok(200, api.put(PROD + "/dashboards/" + first, "{\"dashboard\":" + current + ",\"folderUid\":\"ml\","
                    + "\"message\":\"edit " + v + "\"}"));
        }
        ok(200, api.send(HttpRequest.newBuilder(api.uri(PROD + "/alerting/import"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(AlertingTestSupport.readExample("ml-alerting.yaml")))));
        return uids;
    }

    private static JsonNode json(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static void ok(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
    }
}
