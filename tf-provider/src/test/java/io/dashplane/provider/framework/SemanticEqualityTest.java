package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemanticEqualityTest {
    private static boolean equal(SemanticEquality equality, String a, String b) {
        return equality.equal(CtyValue.string(a), CtyValue.string(b));
    }

    @Test
    void dashboardJsonIgnoresFormattingKeyOrderNumbersAndInstanceMetadata() {
        SemanticEquality dashboard = SemanticEquality.dashboardJson();
        String original = "{\"uid\":\"u1\",\"title\":\"T\",\"panels\":[{\"id\":1,\"gridPos\":{\"h\":8,\"w\":12}}]}";
        String reformatted = "{\n  \"title\": \"T\",\n  \"id\": 7, \"version\": 3,\n  \"panels\": [ {\"gridPos\": {\"w\": 12.0, \"h\": 8}, \"id\": 1e0} ],\n  \"uid\": \"u1\"\n}";
        assertTrue(equal(dashboard, original, reformatted));
        assertFalse(equal(dashboard, original, original.replace("\"T\"", "\"T2\"")));
        assertFalse(equal(dashboard, original, "{\"uid\":\"u1\",\"title\":\"T\",\"panels\":[]}"));
        assertFalse(equal(dashboard, original, "not json"), "invalid JSON is never equal to JSON");
    }

    @Test
    void dashboardJsonRespectsArrayOrder() {
        SemanticEquality dashboard = SemanticEquality.dashboardJson();
        assertFalse(equal(dashboard, "{\"tags\":[\"a\",\"b\"]}", "{\"tags\":[\"b\",\"a\"]}"));
    }

    @Test
    void genericJsonComparesValuesNotText() {
        SemanticEquality json = SemanticEquality.json();
        assertTrue(equal(json, "{\"httpMethod\":\"POST\",\"timeInterval\":\"15s\"}",
                "{ \"timeInterval\" : \"15s\",\n \"httpMethod\" : \"POST\" }"));
        assertTrue(equal(json, "{\"a\":1}", "{\"a\":1.00}"));
        assertFalse(equal(json, "{\"id\":1}", "{}"), "generic JSON keeps every key, id included");
        assertFalse(equal(json, "{\"a\":1}", "{\"a\":\"1\"}"));
        assertFalse(equal(json, "{", "{".concat("}")));
    }

    @Test
    void durationsCompareByLength() {
        SemanticEquality duration = SemanticEquality.duration();
        assertTrue(equal(duration, "1m", "60s"));
        assertTrue(equal(duration, "1h30m", "90m"));
        assertTrue(equal(duration, "1.5s", "1500ms"));
        assertTrue(equal(duration, "0", "0s"));
        assertFalse(equal(duration, "1m", "61s"));
        assertFalse(equal(duration, "1m", "1 minute"));
        assertFalse(equal(duration, "m1", "m1s"));
    }
}
