package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretSettingsTest {
    @Test
    void splitsTopLevelAndNestedSecretsAndMergesThemBack() throws Exception {
        JsonNode settings = Json.mapper().readTree("""
                {"url":"https://hooks.example.com","password":"p4ss","username":"grafana",
                 "authorization_credentials":"","tlsConfig":{"insecureSkipVerify":false,"clientKey":"KEY"}}""");
        SplitSettings split = SecretSettings.split("webhook", settings);
        assertEquals(Map.of("password", "p4ss", "tlsConfig.clientKey", "KEY"), split.secrets());
        assertEquals(Json.mapper().readTree("""
                {"url":"https://hooks.example.com","username":"grafana","authorization_credentials":"",
                 "tlsConfig":{"insecureSkipVerify":false}}"""), split.settings());
        assertEquals(settings, SecretSettings.merge(split.settings(), split.secrets()));
        assertEquals("p4ss", settings.get("password").asText(), "the input is not modified");
    }

    @Test
    void typesWithoutSecretsSplitNothing() throws Exception {
        JsonNode settings = Json.mapper().readTree("{\"url\":\"https://teams/x\"}");
        SplitSettings split = SecretSettings.split("teams", settings);
        assertEquals(Map.of(), split.secrets());
        assertEquals(settings, split.settings());
    }

    @Test
    void mergeCreatesNestedObjects() {
        assertEquals("{\"tlsConfig\":{\"clientKey\":\"K\"}}",
                SecretSettings.merge(null, Map.of("tlsConfig.clientKey", "K")).toString());
    }
}
