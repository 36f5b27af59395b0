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
}
