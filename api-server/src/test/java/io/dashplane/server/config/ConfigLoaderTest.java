package io.dashplane.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        ServerConfig c = new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, null, null));
        assertEquals(8080, c.port());
        assertEquals("127.0.0.1", c.bind());
        assertEquals(Path.of("data"), c.dataDir());
        assertNull(c.secretKey());
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = dir.resolve("dashplane.yaml");
        Files.writeString(file, "port: 7000\nbind: 0.0.0.0\ndataDir: /from/file\nsecretKey: filekey\nshutdownGraceSeconds: 3\n");
        ServerConfig fromFile = new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, file, null));
        assertEquals(7000, fromFile.port());
        assertEquals("0.0.0.0", fromFile.bind());
        assertEquals(Path.of("/from/file"), fromFile.dataDir());
        assertEquals("filekey", fromFile.secretKey());
        assertEquals(Duration.ofSeconds(3), fromFile.shutdownGrace());

        Map<String, String> env = Map.of("DASHPLANE_PORT", "7100", "DASHPLANE_DATA_DIR", "/from/env",
                "DASHPLANE_SECRET_KEY", "envkey", "DASHPLANE_CONFIG", file.toString());
        ServerConfig fromEnv = new ConfigLoader(env).load(new ConfigLoader.Flags(null, null, null, null));
        assertEquals(7100, fromEnv.port());
        assertEquals(Path.of("/from/env"), fromEnv.dataDir());
        assertEquals("envkey", fromEnv.secretKey());
        assertEquals("0.0.0.0", fromEnv.bind(), "file value where the environment says nothing");

        ServerConfig fromFlags = new ConfigLoader(env).load(new ConfigLoader.Flags(0, Path.of("/from/flag"), null, "::1"));
        assertEquals(0, fromFlags.port());
        assertEquals(Path.of("/from/flag"), fromFlags.dataDir());
        assertEquals("::1", fromFlags.bind());
    }

    @Test
    void badValuesAreReported() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of("DASHPLANE_PORT", "http"))
                .load(new ConfigLoader.Flags(null, null, null, null)));
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "prot: 1\n");
        assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of())
                .load(new ConfigLoader.Flags(null, null, file, null)));
    }

    @Test
    void securitySettingsComeFromFileAndEnvironment() throws Exception {
        ServerConfig defaults = new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, null, null));
        assertEquals(SecurityConfig.defaults(), defaults.security());
        Path file = dir.resolve("secure.yaml");
        Files.writeString(file, """
                bootstrapToken: dpt_file-token-0123456789012345678901234567
                basicAuth: true
                metricsPublic: true
                corsAllowedOrigins: [https://ui.example]
                tlsCertificate: /etc/dp/cert.pem
                tlsKey: /etc/dp/key.pem
                authFailureLimit: 5
                """);
        SecurityConfig fromFile = new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, file, null)).security();
        assertEquals("dpt_file-token-0123456789012345678901234567", fromFile.bootstrapToken());
        assertEquals(true, fromFile.basicAuth());
        assertEquals(true, fromFile.metricsPublic());
        assertEquals(java.util.List.of("https://ui.example"), fromFile.corsOrigins());
        assertEquals(Path.of("/etc/dp/cert.pem"), fromFile.tlsCertificate());
        assertEquals(5, fromFile.authFailureLimit());

        Map<String, String> env = Map.of("DASHPLANE_CONFIG", file.toString(), "DASHPLANE_BOOTSTRAP_TOKEN", "dpt_env",
                "DASHPLANE_BASIC_AUTH", "false", "DASHPLANE_CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example");
        SecurityConfig fromEnv = new ConfigLoader(env).load(new ConfigLoader.Flags(null, null, null, null)).security();
        assertEquals("dpt_env", fromEnv.bootstrapToken());
        assertEquals(false, fromEnv.basicAuth());
        assertEquals(true, fromEnv.metricsPublic(), "file value where the environment says nothing");
        assertEquals(java.util.List.of("https://a.example", "https://b.example"), fromEnv.corsOrigins());

        assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of("DASHPLANE_METRICS_PUBLIC", "maybe"))
                .load(new ConfigLoader.Flags(null, null, null, null)));
        Files.writeString(file, "tlsCertificate: /only/cert.pem\n");
        assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of())
                .load(new ConfigLoader.Flags(null, null, file, null)), "certificate without key");
    }

    @Test
    void provisioningSettingsAndPlanLifetimeFollowThePrecedence() throws Exception {
        ServerConfig defaults = new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, null, null));
        assertEquals(ProvisioningSettings.defaults(), defaults.provisioning());
        assertEquals(true, defaults.provisioning().periodicRescan());
        assertEquals(java.time.Duration.ofHours(24), defaults.planTtl());

        Path file = dir.resolve("provisioning.yaml");
        Files.writeString(file, """
                provisioning:
                  allowedRoots: [/var/lib/grafana/dashboards, /srv/dashboards]
                  periodicRescan: false
                planTtlSeconds: 3600
                """);
        ServerConfig fromFile = new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, file, null));
        assertEquals(java.util.List.of(Path.of("/var/lib/grafana/dashboards"), Path.of("/srv/dashboards")),
                fromFile.provisioning().allowedRoots());
        assertEquals(false, fromFile.provisioning().periodicRescan());
        assertEquals(java.time.Duration.ofHours(1), fromFile.planTtl());

        Map<String, String> env = Map.of("DASHPLANE_CONFIG", file.toString(),
                "DASHPLANE_PROVISIONING_ALLOWED_ROOTS", "/a" + java.io.File.pathSeparator + "/b",
                "DASHPLANE_PROVISIONING_PERIODIC_RESCAN", "true", "DASHPLANE_PLAN_TTL_SECONDS", "60");
        ServerConfig fromEnv = new ConfigLoader(env).load(new ConfigLoader.Flags(null, null, null, null));
        assertEquals(java.util.List.of(Path.of("/a"), Path.of("/b")), fromEnv.provisioning().allowedRoots());
        assertEquals(true, fromEnv.provisioning().periodicRescan());
        assertEquals(java.time.Duration.ofSeconds(60), fromEnv.planTtl());

        ServerConfig fromFlags = new ConfigLoader(env).load(new ConfigLoader.Flags(null, null, null, null, null,
                java.util.List.of(Path.of("/flag"))));
        assertEquals(java.util.List.of(Path.of("/flag")), fromFlags.provisioning().allowedRoots());

        assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of("DASHPLANE_PLAN_TTL_SECONDS", "0"))
                .load(new ConfigLoader.Flags(null, null, null, null)));
        Files.writeString(file, "provisioning:\n  allowedRoot: /typo\n");
        assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of())
                .load(new ConfigLoader.Flags(null, null, file, null)), "unknown keys are errors");
    }

    private String loadError(String yaml) throws Exception {
        Path file = dir.resolve("dashplane.yaml");
        Files.writeString(file, yaml);
        return assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of())
                .load(new ConfigLoader.Flags(null, null, file, null))).getMessage();
    }

    private static void assertNoInternals(String message) {
        for (String internal : new String[] {"io.dashplane", "java.", "class ", "Source:", "StreamReadFeature", "REDACTED",
                "ConfigFile", "`"}) {
            org.junit.jupiter.api.Assertions.assertFalse(message.contains(internal), internal + " in: " + message);
        }
    }

    @Test
    void configFileErrorsNameTheKeyTheFileAndTheRightLineAndListTheKnownKeysWithoutJavaClassNames() throws Exception {
        Path file = dir.resolve("dashplane.yaml");
        String unknown = loadError("# Dashplane\nport: 8080\ndatabase:\n  path: /var/lib/x\n  pool: 5\nbind: 0.0.0.0\n");
        assertNoInternals(unknown);
        org.junit.jupiter.api.Assertions.assertTrue(unknown.startsWith(file + ":3: unknown key 'database'"), unknown);
        org.junit.jupiter.api.Assertions.assertTrue(unknown.contains("known keys: bind, port, dataDir, secretKey"), unknown);

        String nested = loadError("port: 8080\nprovisioning:\n  allowedRoots: [/a]\n  rescan: true\n");
        assertNoInternals(nested);
        org.junit.jupiter.api.Assertions.assertTrue(nested.startsWith(file + ":4: unknown key 'provisioning.rescan'"), nested);
        org.junit.jupiter.api.Assertions.assertTrue(nested.contains("known keys: allowedRoots, periodicRescan"), nested);

        String wrongType = loadError("bind: 0.0.0.0\n\nport: eighty\n");
        assertNoInternals(wrongType);
        assertEquals(file + ":3: 'port' must be a whole number", wrongType);

        String wrongList = loadError("corsAllowedOrigins:\n  nested: {a: 1}\n");
        assertNoInternals(wrongList);
        org.junit.jupiter.api.Assertions.assertTrue(wrongList.startsWith(file + ":2: 'corsAllowedOrigins' must be a list"), wrongList);

        String twice = loadError("bind: a\nport: 1\nbind: b\n");
        assertEquals(file + ":3: key 'bind' is given twice", twice);

        String wrongFlag = loadError("basicAuth: maybe\n");
        assertNoInternals(wrongFlag);
        assertEquals(file + ":1: 'basicAuth' must be true or false", wrongFlag);

        String syntax = loadError("port: 8080\nbind: \"unclosed\n");
        assertNoInternals(syntax);
        org.junit.jupiter.api.Assertions.assertTrue(syntax.startsWith(file + ":"), syntax);
        org.junit.jupiter.api.Assertions.assertTrue(syntax.contains("not valid YAML"), syntax);

        String notAMapping = loadError("- port\n- bind\n");
        assertNoInternals(notAMapping);
        assertEquals(file + ":1: the config file must be a mapping of keys to values", notAMapping);

        for (String variable : new String[] {"DASHPLANE_SHUTDOWN_GRACE_SECONDS", "DASHPLANE_AUTH_FAILURE_LIMIT", "DASHPLANE_PORT"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(
                    Map.of(variable, "99999999999999999999")).load(new ConfigLoader.Flags(null, null, null, null)));
            assertEquals(variable + " must be a whole number", e.getMessage());
        }
    }

    @Test
    void theRequestBodyLimitIsASizeFromFlagEnvironmentOrFileAndTenMiBByDefault() throws Exception {
        assertEquals(10L * 1024 * 1024, new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, null, null))
                .maxBodyBytes());
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "maxBodySize: 500KB\n");
        assertEquals(500_000, new ConfigLoader(Map.of()).load(new ConfigLoader.Flags(null, null, file, null)).maxBodyBytes());
        Map<String, String> env = Map.of("DASHPLANE_MAX_BODY_SIZE", "16MiB");
        assertEquals(16L * 1024 * 1024, new ConfigLoader(env).load(new ConfigLoader.Flags(null, null, file, null)).maxBodyBytes());
        assertEquals(1_048_576, new ConfigLoader(env).load(
                new ConfigLoader.Flags(null, null, file, null, null, null, "1048576", null, null)).maxBodyBytes());
        assertEquals(2L * 1024 * 1024 * 1024, new ConfigLoader(Map.of()).maxBodyBytes("2gib", null));

        var bad = assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(
                Map.of("DASHPLANE_MAX_BODY_SIZE", "16 megs")).load(new ConfigLoader.Flags(null, null, null, null)));
        assertEquals("DASHPLANE_MAX_BODY_SIZE must be a size such as 16MiB, 500KB or 1048576, was '16 megs'", bad.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> new ConfigLoader(Map.of()).maxBodyBytes("0MiB", null));
        assertEquals("--max-body-size must be positive, was '0MiB'", zero.getMessage());
    }
}
