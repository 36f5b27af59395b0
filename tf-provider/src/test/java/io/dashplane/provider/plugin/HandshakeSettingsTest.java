package io.dashplane.provider.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeSettingsTest {
    @Test
    void picksTheHighestServedVersionWhateverTheOrder() {
        assertEquals(6, HandshakeSettings.chooseVersion("5,6"));
        assertEquals(6, HandshakeSettings.chooseVersion("6,5"));
        assertEquals(5, HandshakeSettings.chooseVersion("5"));
        assertEquals(6, HandshakeSettings.chooseVersion("7, 6 ,x"));
        assertEquals(5, HandshakeSettings.chooseVersion(null));
    }

    @Test
    void readsCookiePortsAndCertificate() {
        HandshakeSettings s = HandshakeSettings.fromEnvironment(Map.of(
                HandshakeSettings.MAGIC_COOKIE_KEY, HandshakeSettings.MAGIC_COOKIE_VALUE,
                "PLUGIN_MIN_PORT", "20000", "PLUGIN_MAX_PORT", "20010", "PLUGIN_CLIENT_CERT", "PEM"));
        assertTrue(s.cookieValid());
        assertEquals(20000, s.minPort());
        assertEquals(20010, s.maxPort());
        assertEquals("PEM", s.clientCertPem());

        HandshakeSettings defaults = HandshakeSettings.fromEnvironment(Map.of(
                HandshakeSettings.MAGIC_COOKIE_KEY, "wrong", "PLUGIN_CLIENT_CERT", "PEM", "TF_DISABLE_PLUGIN_TLS", "1"));
        assertFalse(defaults.cookieValid());
        assertEquals(10000, defaults.minPort());
        assertEquals(25000, defaults.maxPort());
        assertNull(defaults.clientCertPem(), "TF_DISABLE_PLUGIN_TLS turns TLS off");
    }

    @Test
    void rejectsBadPortRanges() {
        assertThrows(IllegalArgumentException.class,
                () -> HandshakeSettings.fromEnvironment(Map.of("PLUGIN_MIN_PORT", "abc")));
        assertThrows(IllegalArgumentException.class,
                () -> HandshakeSettings.fromEnvironment(Map.of("PLUGIN_MIN_PORT", "30000", "PLUGIN_MAX_PORT", "20000")));
    }

    @Test
    void handshakeLineParsingIsStrict() {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(SelfSignedCertificate.SERVER_CURVE);
        String der = cert.derBase64NoPadding();
        assertFalse(der.contains("="));
        HandshakeLine line = HandshakeLine.parse("1|6|tcp|127.0.0.1:12345|grpc|" + der);
        assertEquals(6, line.protocolVersion());
        assertEquals(12345, line.port());
        assertEquals(cert.certificate(), line.serverCertificate());
        assertNull(HandshakeLine.parse("1|5|tcp|127.0.0.1:12345|grpc|").serverCertificate());
        for (String bad : new String[] {"2|6|tcp|127.0.0.1:1|grpc|", "1|6|unix|/tmp/x|grpc|", "1|6|tcp|127.0.0.1:1|netrpc|",
                "1|6|tcp|127.0.0.1:1|grpc|AAAA==", "1|6|tcp|127.0.0.1:1|grpc| ", "1|6|tcp|127.0.0.1:99999|grpc|"}) {
            assertThrows(IllegalArgumentException.class, () -> HandshakeLine.parse(bad), bad);
        }
    }

    @Test
    void logLevelsFollowTerraform() {
        assertEquals(HcLog.Level.WARN, HcLog.levelFrom(null));
        assertEquals(HcLog.Level.DEBUG, HcLog.levelFrom("debug"));
        assertEquals(HcLog.Level.TRACE, HcLog.levelFrom("JSON"));
        assertEquals(HcLog.Level.OFF, HcLog.levelFrom("off"));
    }
}
