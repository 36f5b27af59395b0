package io.dashplane.schema.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void spelledNumbersAnswerLikeTheNodeJacksonWouldHaveMade() throws Exception {
        JsonNode n = Json.mapper().readTree("{\"big\":1e400,\"negZero\":-0.0,\"intZero\":-0,\"plain\":1.50,\"int\":7}");
        assertInstanceOf(SpelledNumber.class, n.get("big"));
        assertTrue(n.get("big").isBigDecimal() && n.get("big").isNumber() && !n.get("big").isIntegralNumber());
        assertEquals(0, new BigDecimal("1E+400").compareTo(n.get("big").decimalValue()));
        assertEquals("-0.0", n.get("negZero").asText());
        assertTrue(n.get("intZero").isInt() && n.get("intZero").canConvertToInt());
        assertEquals(0, n.get("intZero").asInt());
        // Spellings a value writes back unchanged stay Jackson's own nodes, equal to nodes built in code.
        assertEquals(DecimalNode.valueOf(new BigDecimal("1.50")), n.get("plain"));
        assertEquals(IntNode.valueOf(7), n.get("int"));
        assertFalse(n.get("big").equals(Json.mapper().readTree("1E400")), "a spelled number equals the same spelling only");
        assertEquals(n.get("big"), Json.mapper().readTree("1e400"));
    }

    @Test
    void unpairedSurrogatesAreRefusedWithTheirPointer() {
        JsonReadFailure value = assertThrows(JsonReadFailure.class,
                () -> Json.mapper().readTree("{\"a\":[\"ok\",\"x\\udc00\"]}"));
        assertEquals("/a/1", value.pointer());
        assertTrue(value.problem().startsWith("invalid Unicode"), value.problem());
        JsonReadFailure key = assertThrows(JsonReadFailure.class, () -> Json.mapper().readTree("{\"a\":{\"\\ud800\":1}}"));
        assertEquals("/a", key.pointer());
        assertFalse(CheckedParser.hasUnpairedSurrogate("x\ud83d\ude00y"));
        assertTrue(CheckedParser.hasUnpairedSurrogate("\ude00\ud83d"));
    }

    @Test
    void readFailuresSayWhatAndWhereWithoutInternals() {
        String[][] cases = {
                {"{\"a\":{\"b\":1,}}", "/a", "trailing comma before '}'"},
                {"{\"a\":[1,2,]}", "/a", "trailing comma before ']'"},
                {"{\"a\" 1}", "/a", "expected ':' after a key"},
                {"{\"a\":[{\"b\":1", "/a/0", "unexpected end of input inside an object"},
                {"{\"a\":secret}", "/a", "a value that is not JSON"},
                {"{\"a\":[1}", "/a", "a closing bracket that does not match"},
        };
        for (String[] c : cases) {
            JsonReadFailure e = assertThrows(JsonReadFailure.class, () -> Json.mapper().readTree(c[0]), c[0]);
            assertEquals(c[1], e.pointer(), c[0]);
            assertTrue(e.problem().startsWith(c[2]), c[0] + ": " + e.problem());
            assertFalse(e.getMessage().contains("REDACTED") || e.getMessage().contains("secret"), e.getMessage());
        }
        JsonReadFailure duplicate = assertThrows(JsonReadFailure.class, () -> Json.newMapper()
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .readTree("{\"p\":[{\"id\":1,\"id\":2}]}"));
        assertEquals("/p/0/id", duplicate.pointer());
        assertEquals("duplicate key 'id' at /p/0/id (line 1, column 19)", duplicate.getMessage());
    }
}
