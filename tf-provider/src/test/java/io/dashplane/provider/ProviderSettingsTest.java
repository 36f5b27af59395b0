package io.dashplane.provider;

import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.Values;
import io.dashplane.provider.protocol.AttributePath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderSettingsTest {
    private static Values config() {
        return Values.empty(ProviderSettings.SCHEMA.objectType());
    }

    @Test
    void documentedDefaults() {
        Diagnostics diagnostics = new Diagnostics();
        ProviderSettings settings = ProviderSettings.resolve(config(), Map.of(), diagnostics);
        assertFalse(diagnostics.hasErrors());
        assertEquals(new ProviderSettings("http://127.0.0.1:8080", null, "default", null, null, null, false, 3, 30), settings);
    }

    @Test
    void environmentVariablesFillWhatTheConfigurationLeavesOut() {
        Map<String, String> env = Map.of("DASHPLANE_URL", "https://dp.example:8443", "DASHPLANE_TOKEN", "t0k",
                "DASHPLANE_ENVIRONMENT", "staging", "DASHPLANE_CA_CERT", "/etc/ca.pem",
                "DASHPLANE_CLIENT_CERT", "/etc/c.pem", "DASHPLANE_CLIENT_KEY", "/etc/k.pem",
                "DASHPLANE_INSECURE_SKIP_VERIFY", "true", "DASHPLANE_RETRIES", "0", "DASHPLANE_TIMEOUT", "5");
        Diagnostics diagnostics = new Diagnostics();
        ProviderSettings fromEnv = ProviderSettings.resolve(config(), env, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.toString());
        assertEquals(new ProviderSettings("https://dp.example:8443", "t0k", "staging", "/etc/ca.pem", "/etc/c.pem",
                "/etc/k.pem", true, 0, 5), fromEnv);

        Values configured = config().with("url", "http://other:1").with("environment", "prod")
                .with("insecure_skip_verify", false).with("retries", 7L).with("timeout", 9L);
        ProviderSettings mixed = ProviderSettings.resolve(configured, env, new Diagnostics());
        assertEquals("http://other:1", mixed.url());
        assertEquals("prod", mixed.environment());
        assertFalse(mixed.insecureSkipVerify());
        assertEquals(7, mixed.retries());
        assertEquals(9, mixed.timeoutSeconds());
        assertEquals("t0k", mixed.token());
    }

    @Test
    void invalidValuesAreErrorsOnTheirAttribute() {
        Diagnostics diagnostics = new Diagnostics();
        assertNull(ProviderSettings.resolve(config().with("url", "localhost:8080"),
                Map.of("DASHPLANE_RETRIES", "many"), diagnostics));
        assertEquals(AttributePath.of("url"), diagnostics.toList().get(0).attribute());
        assertEquals(AttributePath.of("retries"), diagnostics.toList().get(1).attribute());

        Diagnostics halfMtls = new Diagnostics();
        assertNull(ProviderSettings.resolve(config().with("client_cert", "/c.pem"), Map.of(), halfMtls));
        assertEquals(AttributePath.of("client_key"), halfMtls.toList().get(0).attribute());
    }

    @Test
    void toStringHidesSecrets() {
        ProviderSettings settings = new ProviderSettings("http://x:1", "secret-token", "default", null, "c", "secret-key", false, 3, 30);
        assertTrue(!settings.toString().contains("secret"));
    }
}
