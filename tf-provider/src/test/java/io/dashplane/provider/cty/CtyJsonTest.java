package io.dashplane.provider.cty;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CtyJsonTest {
    private static final ObjectType TYPE = ObjectType.builder()
            .attribute("id", CtyType.STRING)
            .attribute("count", CtyType.NUMBER)
            .attribute("enabled", CtyType.BOOL)
            .attribute("tags", CtyType.set(CtyType.STRING))
            .attribute("labels", CtyType.map(CtyType.STRING))
            .attribute("rules", CtyType.list(ObjectType.builder().attribute("name", CtyType.STRING).build()))
            .attribute("extra", CtyType.DYNAMIC)
            .build();

    @Test
    void missingAttributesAreNullAndExtraAttributesAreDropped() {
        CtyValue value = CtyJson.decode("{\"id\":\"x\",\"legacy_field\":42,\"rules\":[{\"name\":\"r\",\"old\":true}]}", TYPE);
        assertEquals("x", value.getAttr("id").asString());
        assertTrue(value.getAttr("count").isNull());
        assertTrue(value.getAttr("extra").isNull());
        assertEquals("r", value.getAttr("rules").index(0).getAttr("name").asString());
    }

    @Test
    void encodesEveryAttributeInOrder() {
        CtyValue value = CtyJson.decode("{\"id\":\"x\",\"count\":12.50,\"tags\":[\"b\",\"a\",\"b\"],\"labels\":{\"k\":\"v\"}}", TYPE);
        assertEquals("{\"count\":12.5,\"enabled\":null,\"extra\":null,\"id\":\"x\",\"labels\":{\"k\":\"v\"},"
                + "\"rules\":null,\"tags\":[\"b\",\"a\"]}", CtyJson.encodeToString(value, TYPE));
    }

    @Test
    void bigAndPreciseNumbersSurvive() {
        String json = "{\"count\":123456789012345678901234567890.000000000000000000001}";
        CtyValue value = CtyJson.decode(json, TYPE);
        assertEquals(new BigDecimal("123456789012345678901234567890.000000000000000000001"), value.getAttr("count").asBigDecimal());
        assertTrue(CtyJson.encodeToString(value, TYPE).contains("\"count\":123456789012345678901234567890.000000000000000000001,"));
        assertEquals(CtyValue.number("1e21"), CtyJson.decode("1e21", CtyType.NUMBER));
        assertEquals("1000000000000000000000", CtyJson.encodeToString(CtyValue.number("1e21"), CtyType.NUMBER));
    }

    @Test
    void dynamicValuesCarryTheirType() {
        String json = "{\"extra\":{\"value\":{\"a\":[1,\"x\"]},\"type\":[\"object\",{\"a\":[\"tuple\",[\"number\",\"string\"]]}]}}";
        CtyValue value = CtyJson.decode(json, TYPE);
        CtyValue extra = value.getAttr("extra");
        assertEquals(CtyType.fromJson("[\"object\",{\"a\":[\"tuple\",[\"number\",\"string\"]]}]"), extra.type());
        assertEquals("x", extra.getAttr("a").index(1).asString());
        assertEquals("{\"value\":{\"a\":[1,\"x\"]},\"type\":[\"object\",{\"a\":[\"tuple\",[\"number\",\"string\"]]}]}",
                CtyJson.encodeToString(extra, CtyType.DYNAMIC));
        assertThrows(CtyException.class, () -> CtyJson.decode("{\"value\":1}", CtyType.DYNAMIC));
    }

    @Test
    void primitivesConvertLikeTerraform() {
        assertEquals(CtyValue.string("12"), CtyJson.decode("12", CtyType.STRING));
        assertEquals(CtyValue.string("true"), CtyJson.decode("true", CtyType.STRING));
        assertEquals(CtyValue.number("12.5"), CtyJson.decode("\"12.5\"", CtyType.NUMBER));
        assertEquals(CtyValue.bool(false), CtyJson.decode("\"false\"", CtyType.BOOL));
        CtyException error = assertThrows(CtyException.class, () -> CtyJson.decode("{\"count\":[1]}", TYPE));
        assertEquals(AttributePath.of("count"), error.path());
    }

    @Test
    void unknownsCannotBeWritten() {
        CtyValue value = ObjectValue.builder(TYPE).put("id", CtyValue.unknownOf(CtyType.STRING)).build();
        CtyException error = assertThrows(CtyException.class, () -> CtyJson.encode(value, TYPE));
        assertEquals(AttributePath.of("id"), error.path());
    }

    @Test
    void roundTripThroughMsgpackAndJson() {
        CtyValue value = CtyJson.decode("{\"id\":\"x\",\"count\":0.1,\"enabled\":true,\"tags\":[\"a\"],"
                + "\"labels\":{},\"rules\":[],\"extra\":{\"value\":\"s\",\"type\":\"string\"}}", TYPE);
        assertEquals(value, CtyMsgpack.decode(CtyMsgpack.encode(value, TYPE), TYPE));
        assertEquals(value, CtyJson.decode(CtyJson.encode(value, TYPE), TYPE));
    }

    @Test
    void malformedJsonIsACtyException() {
        assertThrows(CtyException.class, () -> CtyJson.decode("{\"id\":", TYPE));
    }
}
