package io.dashplane.provider.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientConfigTest {

    @Test
    void defaults() {
        ClientConfig config = ClientConfig.of("https://dashplane.example.com");
        assertEquals("default", config.environment());
        assertNull(config.token());
        assertEquals(3, config.retries());
        assertEquals(Duration.ofSeconds(30), config.timeout());
        assertEquals(TlsOptions.DEFAULT, config.tls());
        assertNull(config.withToken("  ").token());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.of("ftp://h"));
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.of("dashplane.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.of("http://h?x=1"));
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.of("http://h").withRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.of("http://h").withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new TlsOptions(null, "cert.pem", null, false));
    }

    @Test
    void toStringHidesTheToken() {
        ClientConfig config = new ClientConfig(URI.create("http://h"), "s3cret-token", null, null, 1, null);
        assertFalse(config.toString().contains("s3cret"));
    }
}
