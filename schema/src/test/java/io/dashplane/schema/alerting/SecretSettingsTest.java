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
    void splitsSecretsOfFormerlyUncheckedTypes() throws Exception {
        JsonNode sns = Json.mapper().readTree("""
                {"topic_arn":"arn:aws:sns:us-east-1:1:a","sigv4":{"region":"us-east-1","access_key":"AK","secret_key":"SK"}}""");
        SplitSettings split = SecretSettings.split("sns", sns);
        assertEquals(Map.of("sigv4.access_key", "AK", "sigv4.secret_key", "SK"), split.secrets());
        assertEquals(Json.mapper().readTree("""
                {"topic_arn":"arn:aws:sns:us-east-1:1:a","sigv4":{"region":"us-east-1"}}"""), split.settings());

        JsonNode pushover = Json.mapper().readTree("{\"userKey\":\"UK\",\"apiToken\":\"AT\",\"sound\":\"bike\"}");
        assertEquals(Map.of("userKey", "UK", "apiToken", "AT"), SecretSettings.split("pushover", pushover).secrets());
        assertEquals(Map.of("url", "https://alert.victorops.com/x"), SecretSettings.split("victorops",
                Json.mapper().readTree("{\"url\":\"https://alert.victorops.com/x\"}")).secrets());
        assertEquals(Map.of("http_config.oauth2.client_secret", "CS"), SecretSettings.split("webhook",
                Json.mapper().readTree("""
                        {"url":"https://h/x","http_config":{"oauth2":{"client_id":"c","client_secret":"CS"}}}""")).secrets());
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
