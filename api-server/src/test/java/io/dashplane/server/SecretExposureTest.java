package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.dashplane.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Token plaintexts and datasource secrets appear in no response (except the one-time token creation),
 * no log line and no byte of the data directory's database files.
 */
class SecretExposureTest extends ServerTestSupport {

    @Test
    void tokensAndSecretsNeverLeak() throws Exception {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = captureLogs(logs);
        List<String> secrets = new ArrayList<>();
        secrets.add(ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);
        try {
            List<Api.Reply> replies = new ArrayList<>();
            Accounts.Account ci = Accounts.create(api, "ci", Map.of("default", "Admin"));
            secrets.add(ci.token());
            String password = "pw-" + System.nanoTime() + "-secret";
            secrets.add(password);
            Api asCi = api.as(ci.token());
            replies.add(asCi.post(ENV + "/datasources", "{\"uid\":\"pg\",\"name\":\"PG\",\"type\":\"postgres\","
                    + "\"secureJsonData\":{\"password\":\"" + password + "\"}}"));
            assertEquals(201, replies.get(0).status(), replies.get(0).toString());
            String hook = "hook-" + System.nanoTime() + "-secret";
            secrets.add(hook);
            replies.add(asCi.post(ENV + "/contact-points", AlertingTestSupport.SLACK.replace("SECRETSLACKTOKEN", hook)));
            assertEquals(201, replies.get(1).status(), replies.get(1).toString());
            replies.add(asCi.get(ENV + "/contact-points/slack"));
            replies.add(asCi.get(ENV + "/export"));
            replies.add(asCi.get(ENV + "/alerting/export"));
            replies.add(asCi.get(ENV + "/datasources/pg"));
            replies.add(asCi.get(ENV + "/datasources"));
            replies.add(api.get("/api/v1/service-accounts"));
            replies.add(api.get("/api/v1/service-accounts/" + ci.id()));
            replies.add(api.get("/api/v1/service-accounts/" + ci.id() + "/tokens"));
            replies.add(api.get("/api/v1/audit?perPage=1000"));
            replies.add(asCi.get("/api/v1/whoami"));
            replies.add(api.get("/metrics"));
            replies.add(api.get("/openapi.json"));
            // failures must not echo the presented credentials either
            replies.add(api.as(ci.token() + "x").get("/api/v1/whoami"));
            replies.add(new Api(server.baseUri(), null).send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/whoami"))
                    .header("Authorization", TokenLifecycleTest.basic("ci", ci.token()))));
            for (Api.Reply r : replies) {
                for (String s : secrets) {
                    assertFalse(r.body().contains(s), "a secret in " + r);
                    assertFalse(r.raw().headers().toString().contains(s), "a secret in the headers of " + r);
                }
            }
            assertNoDatabaseFileContains(dataDir, secrets);
        } finally {
            server.close();
            server = null;
            appender.stop();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(appender);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains("/api/v1/service-accounts/{id}/tokens"), "access log was captured");
        for (String s : secrets) {
            assertFalse(logText.contains(s), "a secret in the logs");
        }
        assertNoDatabaseFileContains(dataDir, secrets);
    }

    static void assertNoDatabaseFileContains(Path dataDir, List<String> secrets) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("dashplane.db")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (String s : secrets) {
                    assertFalse(DatasourceApiTest.contains(bytes, s.getBytes(StandardCharsets.UTF_8)), "a secret in " + f);
                }
            }
        }
    }

    private static OutputStreamAppender<ILoggingEvent> captureLogs(ByteArrayOutputStream out) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(ctx);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
        return appender;
    }
}
