package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.PostgresSettings;
import io.dashplane.server.testdb.TestBackend;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashplane migrate-storage} (issue 14): a SQLite data directory filled through the API (the corpus with
 * history, folders in folders, datasources and contact points with secrets, alerting, service accounts, audit) is
 * copied into a new PostgreSQL database by the real CLI in a child JVM; a server on that database with the same
 * secret key answers every read exactly as the SQLite server did. The source runs on SQLite and the target on a
 * throw-away PostgreSQL of this test's own, so the class runs only in the SQLite execution (excluded from the
 * PostgreSQL one in pom.xml).
 */
class MigrateStorageTest extends ServerTestSupport {
    private static final String PROD = "/api/v1/environments/prod";
    private static final String DS_SECRET = "s3cret-basic-auth";
    private static final List<String> ENVS = List.of("default", "prod");
    private static final Pattern SUMMARY_LINE = Pattern.compile("([a-z_]+) +[0-9]+  [0-9a-f]{16}");

    @TempDir
    Path work;

    @Test
    void migrateStorageCopiesEveryObjectVersionSecretAndAuditEntryIntoPostgres() throws Exception {
        Seeded seeded = seed();
        Map<String, JsonNode> before = snapshot(api, seeded);
        Map<String, String> secrets = server.services().datasources().decryptSecrets("prod", "Prometheus");
        server.close();
        server = null;
        PostgresSettings target = TestBackend.shared().createEmptyDatabase();

        Run run = migrate(dataDir, target);

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("copying ") && run.out().contains("  copied dashboards ("), run.toString());
        assertTrue(run.out().contains("verified: every table has the same row count and SHA-256 digest"), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("dashboard_versions +" + seeded.versions() + "  [0-9a-f]{16}")),
                run.toString());
        // every table of the schema, found without a list in the code; Flyway's history stays each database's own
        Set<String> summarised = new TreeSet<>();
        run.out().lines().map(SUMMARY_LINE::matcher).filter(Matcher::matches)
                .forEach(m -> summarised.add(m.group(1)));
        Set<String> schema = tableNames(target);
        assertTrue(schema.remove("flyway_schema_history"));
        assertEquals(schema, summarised, run.toString());
        assertTrue(run.out().contains("start every server on the PostgreSQL database with the same secret key (the one in "
                + dataDir.resolve(SecretKeys.FILE_NAME)), run.toString());

        Path replicaDir = Files.createDirectories(work.resolve("replica"));
        Files.copy(dataDir.resolve(SecretKeys.FILE_NAME), replicaDir.resolve(SecretKeys.FILE_NAME));
        try (RunningServer migrated = DashplaneServer.start(ServerConfig.ephemeral(replicaDir).withDatabase(target))) {
            Api other = new Api(migrated.baseUri());
            Map<String, JsonNode> after = snapshot(other, seeded);
            assertEquals(before.keySet(), after.keySet());
            for (String path : before.keySet()) {
                assertEquals(before.get(path), after.get(path), path);
            }
            assertEquals(secrets, migrated.services().datasources().decryptSecrets("prod", "Prometheus"));
            assertEquals(DS_SECRET, secrets.get("basicAuthPassword"));

            // the id sequences came along: new objects get fresh ids, nothing collides with a copied row
            long audit = other.get("/api/v1/audit").json().get("total").asLong();
            ok(201, other.post(PROD + "/folders", "{\"uid\":\"after\",\"title\":\"After the migration\"}"));
            ok(201, other.post(PROD + "/dashboards", "{\"dashboard\":{\"title\":\"New on PostgreSQL\"},\"folderUid\":\"after\"}"));
            assertEquals(audit + 2, other.get("/api/v1/audit").json().get("total").asLong());
        }
    }

    /** Without a terminal (as here) the copy shows plain lines on stdout; {@code --progress=bar} forces the bars. */
    @Test
    void withProgressBarEachTableWithRowsGetsABarOfItsRowsOnStderrAndThePlainLinesAreLeftOut() throws Exception {
        ok(201, api.post(ENV + "/folders", "{\"uid\":\"k8s\",\"title\":\"Kubernetes\"}"));
        for (String uid : List.of("one", "two", "three")) {
            ok(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"" + uid + "\",\"title\":\"" + uid
                    + "\"},\"folderUid\":\"k8s\"}"));
        }
        server.close();
        server = null;
        PostgresSettings target = TestBackend.shared().createEmptyDatabase();

        Run run = migrate(dataDir, target, "--progress=bar");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("\rdashboards 100% ["), run.toString());
        assertTrue(run.err().contains("] 3/3 "), "rows copied of the rows in the table: " + run);
        assertTrue(run.err().contains("\rfolders 100% ["), run.toString());
        assertTrue(run.err().contains("\rverifying 100% ["), run.toString());
        assertFalse(run.err().contains("\rpromotions "), "an empty table gets no bar: " + run);
        assertFalse(run.out().contains("  copied dashboards ("), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("dashboards +3  [0-9a-f]{16}")), run.toString());
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() throws Exception {
        ok(201, api.post(ENV + "/folders", "{\"uid\":\"only-here\",\"title\":\"Only in SQLite\"}"));
        server.close();
        server = null;
        PostgresSettings target = TestBackend.shared().createEmptyDatabase();
        Path otherDir = Files.createDirectories(work.resolve("other"));
        // a server started once on the target has written to it (its admin, its key check)
        DashplaneServer.start(ServerConfig.ephemeral(otherDir).withDatabase(target)).close();

        Run refused = migrate(dataDir, target);

        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("dashplane: refused: the target database is not empty: ")
                && refused.err().contains("service_accounts (1 row)")
                && refused.err().contains("migrate-storage copies only into a new, empty database"), refused.toString());
        try (RunningServer untouched = DashplaneServer.start(ServerConfig.ephemeral(otherDir).withDatabase(target))) {
            assertEquals(404, new Api(untouched.baseUri()).get(ENV + "/folders/only-here").status());
        }
    }

    @Test
    void aDataDirectoryAServerRunsOnIsRefusedAndTheTargetIsNotTouched() throws Exception {
        PostgresSettings target = TestBackend.shared().createEmptyDatabase();

        Run refused = migrate(dataDir, target);

        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("dashplane: refused: a Dashplane server (or an offline command) is running on "
                + "the data directory") && refused.err().contains(".lock; stop it first"), refused.toString());
        assertEquals(0, tablesIn(target), "not even migrated");
        assertEquals(200, api.get(ENV).status(), "the server goes on");
    }

    private record Seeded(List<String> dashboards, List<String> rules, int versions) {
    }

    /**
     * prod: a datasource with a secret, folders in folders (the child created first, moved under a later parent:
     * foreign keys within one table), the corpus dashboards (one with history), the alerting example (rules, contact
     * points with secrets, routes under routes); a service account with a token; the audit of all that.
     */
    private Seeded seed() throws IOException {
        ok(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}"));
        ok(201, api.post(PROD + "/datasources", """
                {"uid":"Prometheus","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090",
                 "basicAuth":true,"basicAuthUser":"grafana","secureJsonData":{"basicAuthPassword":"%s"}}"""
                .formatted(DS_SECRET)));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"zz-ml\",\"title\":\"Machine learning\"}"));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"k8s\",\"title\":\"Kubernetes\"}"));
        ok(201, api.post(PROD + "/folders", "{\"uid\":\"aa-teams\",\"title\":\"Teams\"}"));
        ok(200, api.post(PROD + "/folders/zz-ml/move", "{\"parentUid\":\"aa-teams\"}"));
        List<String> uids = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpusDir())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < files.size(); i++) {
                Api.Reply created = api.post(PROD + "/dashboards", "{\"dashboard\":" + read(files.get(i))
                        + ",\"folderUid\":\"" + (i % 2 == 0 ? "zz-ml" : "k8s") + "\"}");
                ok(201, created);
                uids.add(created.json().path("uid").asText());
            }
        }
        String first = uids.get(0);
        for (int v = 2; v <= 3; v++) {
            JsonNode current = api.get(PROD + "/dashboards/" + first).json().path("dashboard");
            ((ObjectNode) current).put("title", "Edited " + v);
            ok(200, api.put(PROD + "/dashboards/" + first, "{\"dashboard\":" + current + ",\"folderUid\":\"zz-ml\","
                    + "\"message\":\"edit " + v + "\"}"));
        }
        ok(200, api.send(HttpRequest.newBuilder(api.uri(PROD + "/alerting/import"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(AlertingTestSupport.readExample("ml-alerting.yaml")))));
        List<String> rules = new ArrayList<>();
        api.get(PROD + "/alert-rules").json().get("items").forEach(r -> rules.add(r.get("uid").asText()));
        assertFalse(rules.isEmpty());
        Accounts.create(api, "ci", Map.of("prod", "Editor"));
        return new Seeded(uids, rules, uids.size() + 2);
    }

    /** Every read the comparison covers, by path: lists, objects, every version, secrets decrypted, the audit log. */
    private static Map<String, JsonNode> snapshot(Api a, Seeded seeded) {
        Map<String, JsonNode> reads = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/api/v1/environments", "/api/v1/service-accounts",
                "/api/v1/audit?perPage=500"));
        for (String env : ENVS) {
            String e = "/api/v1/environments/" + env;
            paths.addAll(List.of(e, e + "/folders?perPage=500", e + "/datasources", e + "/dashboards?perPage=500",
                    e + "/alerting/export?format=json&decrypt=true", e + "/alert-rules", e + "/contact-points",
                    e + "/notification-policy", e + "/mute-timings", e + "/templates"));
        }
        paths.add(PROD + "/export?format=json&decrypt=true&folder=zz-ml&folder=k8s");
        for (String uid : seeded.dashboards()) {
            paths.add(PROD + "/dashboards/" + uid);
            paths.add(PROD + "/dashboards/" + uid + "/versions");
        }
        for (String uid : seeded.rules()) {
            paths.add(PROD + "/alert-rules/" + uid);
            paths.add(PROD + "/alert-rules/" + uid + "/versions");
        }
        for (String path : paths) {
            reads.put(path, json(a.get(path)));
        }
        assertTrue(reads.get("/api/v1/audit?perPage=500").get("total").asLong() < 500, "one page holds the audit log");
        for (String uid : seeded.dashboards()) {
            for (JsonNode v : reads.get(PROD + "/dashboards/" + uid + "/versions").get("items")) {
                String path = PROD + "/dashboards/" + uid + "/versions/" + v.get("version").asLong();
                reads.put(path, json(a.get(path)));
            }
        }
        assertEquals(3, reads.get(PROD + "/dashboards/" + seeded.dashboards().get(0) + "/versions").get("total").asInt());
        return reads;
    }

    /** Runs {@code dashplane migrate-storage} in a child JVM, as an operator would. */
    private Run migrate(Path from, PostgresSettings to, String... options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, "io.dashplane.server.cli.Main",
                "migrate-storage", "--from", from.toString(), "--to", to.url()));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("DASHPLANE_"));
        pb.environment().put("DASHPLANE_DATABASE_USER", to.user());
        Path err = work.resolve("migrate-" + System.nanoTime() + ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "migrate-storage did not finish");
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private static int tablesIn(PostgresSettings db) throws SQLException {
        return tableNames(db).size();
    }

    private static Set<String> tableNames(PostgresSettings db) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = current_schema()")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static JsonNode json(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static void ok(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
    }
}
