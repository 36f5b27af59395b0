package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatasourceApiTest extends ServerTestSupport {
    static final String DS = ENV + "/datasources";

    @Test
    void crudByUidAndName() {
        var created = api.post(DS, """
                {"uid":"prom-main","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090",
                 "isDefault":true,"jsonData":{"httpMethod":"POST","timeInterval":"15s"}}""");
        assertEquals(201, created.status(), created.toString());
        var body = created.json();
        assertEquals("proxy", body.get("access").asText());
        assertEquals(1, body.get("version").asLong());
        assertTrue(body.get("isDefault").asBoolean());
        assertEquals("\"1\"", created.header("ETag"));

        assertEquals("prom-main", api.get(DS + "/name/Prometheus").json().get("uid").asText());
        assertEquals("POST", api.get(DS + "/prom-main").json().get("jsonData").get("httpMethod").asText());
        assertEquals(409, api.post(DS, "{\"uid\":\"prom-main\",\"name\":\"Other\",\"type\":\"x\"}").status());
        var nameTaken = api.post(DS, "{\"name\":\"Prometheus\",\"type\":\"x\"}");
        assertEquals(409, nameTaken.status(), nameTaken.toString());
        var secondDefault = api.post(DS, "{\"name\":\"Loki\",\"type\":\"loki\",\"isDefault\":true}");
        assertEquals(409, secondDefault.status());
        assertTrue(secondDefault.body().contains("prom-main"));

        var generated = api.post(DS, "{\"name\":\"Loki\",\"type\":\"loki\"}").json();
        assertTrue(generated.get("uid").asText().matches("[A-Za-z0-9_-]{12}"), generated.toString());

        var replaced = api.put(DS + "/prom-main", "{\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://p:9090\"}", "\"1\"");
        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals(2, replaced.json().get("version").asLong());
        var stale = api.put(DS + "/prom-main", "{\"name\":\"Prometheus\",\"type\":\"prometheus\"}", "\"1\"");
        assertEquals(409, stale.status());
        assertEquals(2, stale.json().get("currentVersion").asLong());
        var bodyVersionStale = api.put(DS + "/prom-main", "{\"name\":\"Prometheus\",\"type\":\"prometheus\",\"version\":1}");
        assertEquals(409, bodyVersionStale.status());

        assertEquals(201, api.put(DS + "/tempo", "{\"name\":\"Tempo\",\"type\":\"tempo\"}").status());
        var list = api.get(DS + "?type=prometheus").json();
        assertEquals(1, list.get("total").asLong());
        assertEquals(3, api.get(DS).json().get("total").asLong());
        assertEquals(1, api.get(DS + "?perPage=1&page=2").json().get("items").size());

        assertEquals(204, api.delete(DS + "/tempo").status());
        assertEquals(404, api.delete(DS + "/tempo").status());
        assertEquals(404, api.get(DS + "/tempo").status());
        assertEquals(404, api.get("/api/v1/environments/nope/datasources").status());
    }

    @Test
    void secretsAreWriteOnlyAndNeverStoredOrLoggedInClear() throws Exception {
        String secret = "s3cret-" + System.nanoTime() + "-pa55";
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = captureLogs(logs);
        try {
            List<Api.Reply> replies = new ArrayList<>();
            replies.add(api.post(DS, """
                    {"uid":"pg","name":"Postgres","type":"postgres","user":"app",
                     "secureJsonData":{"password":"%s","tlsClientKey":"%s-key"}}""".formatted(secret, secret)));
            assertEquals(201, replies.get(0).status(), replies.get(0).toString());
            assertTrue(replies.get(0).json().get("secureJsonFields").get("password").asBoolean());
            assertFalse(replies.get(0).json().has("secureJsonData"));
            replies.add(api.get(DS + "/pg"));
            replies.add(api.get(DS + "/name/Postgres"));
            replies.add(api.get(DS));
            // PUT without secureJsonData keeps the secrets.
            replies.add(api.put(DS + "/pg", "{\"name\":\"Postgres\",\"type\":\"postgres\",\"url\":\"db:5432\"}"));
            assertTrue(replies.get(4).json().get("secureJsonFields").has("password"), replies.get(4).toString());
            // Errors must not echo them either: wrong type next to a secret, conflict, validation.
            replies.add(api.post(DS, "{\"name\":5,\"type\":\"x\",\"secureJsonData\":{\"password\":\"" + secret + "\"}}"));
            replies.add(api.post(DS, "{\"uid\":\"pg\",\"name\":\"Postgres\",\"type\":\"x\",\"secureJsonData\":{\"password\":\"" + secret + "\"}}"));
            replies.add(api.post(DS, "{\"type\":\"x\",\"secureJsonData\":{\"password\":\"" + secret + "\"}}"));
            replies.add(api.post(DS, "{\"name\":\"y\",\"type\":\"x\",\"secureJsonData\":{\"password\":" + "[\"" + secret + "\"]}}"));
            replies.add(api.post(DS, "{\"name\":\"y\",\"type\":\"x\",\"secureJsonData\":{\"password\":" + secret + "}}"));
            replies.add(api.post(DS, "{\"name\":\"y\",\"type\":\"x\",\"isDefault\":\"" + secret + "\"}"));
            replies.add(api.get("/metrics"));
            for (Api.Reply r : replies) {
                assertFalse(r.body().contains(secret), "secret leaked in " + r);
            }
            assertEquals("password", server.services().datasources().decryptSecrets("default", "pg").keySet().stream()
                    .sorted().findFirst().orElseThrow());
            assertEquals(secret, server.services().datasources().decryptSecrets("default", "pg").get("password"));

            // {} clears them.
            var cleared = api.put(DS + "/pg", "{\"name\":\"Postgres\",\"type\":\"postgres\",\"secureJsonData\":{}}");
            assertEquals(0, cleared.json().get("secureJsonFields").size());
            api.put(DS + "/pg", "{\"name\":\"Postgres\",\"type\":\"postgres\",\"secureJsonData\":{\"password\":\"" + secret + "\"}}");
            assertNoFileContains(secret); // database, WAL and shared-memory files while running
        } finally {
            server.close();
            appender.stop();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(appender);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains("/api/v1/environments/{env}/datasources"), "access log was captured: " + logText);
        assertFalse(logText.contains(secret), "secret in logs");
        assertNoFileContains(secret);
        server = null;
    }

    /** The database files (SQLite's in the data directory, or the whole throw-away PostgreSQL cluster's). */
    private void assertNoFileContains(String secret) throws java.io.IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        boolean postgres = io.dashplane.server.testdb.TestBackend.postgres();
        Path root = postgres ? io.dashplane.server.testdb.TestBackend.shared().dataDirectory() : dataDir;
        try (Stream<Path> files = postgres ? Files.walk(root) : Files.list(root)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.stream().anyMatch(f -> f.getFileName().toString().equals(postgres ? "PG_VERSION"
                    : "dashplane.db")));
            for (Path f : all) {
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // a PostgreSQL temporary file removed meanwhile
                }
                assertFalse(contains(content, needle), "secret in clear in " + f);
            }
        }
    }

    private static OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> captureLogs(ByteArrayOutputStream out) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(ctx);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
        return appender;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
