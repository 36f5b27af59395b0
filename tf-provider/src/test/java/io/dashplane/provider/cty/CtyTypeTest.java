package io.dashplane.provider.cty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CtyTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "\"string\"", "\"number\"", "\"bool\"", "\"dynamic\"",
            "[\"list\",\"string\"]", "[\"set\",[\"map\",\"number\"]]",
            "[\"object\",{\"a\":\"string\",\"b\":[\"list\",[\"object\",{}]]}]",
            "[\"tuple\",[\"string\",\"bool\"]]", "[\"tuple\",[]]",
            "[\"object\",{\"quote\\\"d\":\"string\"}]",
    })
    void typeJsonRoundTrips(String json) {
        assertEquals(json, CtyType.fromJson(json).toJson());
    }

    @Test
    void parsedTypesHaveStructure() {
        CtyType type = CtyType.fromJson("[\"object\",{\"tags\":[\"set\",\"string\"],\"n\":\"number\"}]");
        assertEquals(CtyType.object(Map.of("n", CtyType.NUMBER, "tags", CtyType.set(CtyType.STRING))), type);
        assertEquals(type.hashCode(),
                ObjectType.builder().attribute("tags", CtyType.set(CtyType.STRING)).attribute("n", CtyType.NUMBER).build().hashCode());
    }

    @Test
    void objectTypeJsonIsWrittenInAttributeOrder() {
        ObjectType type = ObjectType.builder().attribute("z", CtyType.BOOL).attribute("a", CtyType.STRING).build();
        assertEquals("[\"object\",{\"a\":\"string\",\"z\":\"bool\"}]", type.toJson());
    }

    @Test
    void optionalAttributeMarkersAreAccepted() {
        assertEquals(CtyType.object(Map.of("a", CtyType.STRING)),
                CtyType.fromJson("[\"object\",{\"a\":\"string\"},[\"a\"]]"));
    }

    @Test
    void distinctKindsAreNotEqual() {
        assertNotEquals(CtyType.list(CtyType.STRING), CtyType.set(CtyType.STRING));
        assertNotEquals(CtyType.map(CtyType.STRING), CtyType.list(CtyType.STRING));
        assertNotEquals(CtyType.list(CtyType.STRING), CtyType.list(CtyType.NUMBER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"text\"", "[\"list\"]", "[\"list\",\"string\",\"x\"]", "[\"object\",[]]",
            "[\"tuple\",{}]", "42", "[\"frob\",\"string\"]", "{", "[1,\"string\"]"})
    void invalidTypeJsonIsRejected(String json) {
        assertThrows(IllegalArgumentException.class, () -> CtyType.fromJson(json));
    }

    @Test
    void dynamicAcceptsAnything() {
        assertTrue(CtyType.DYNAMIC.accepts(CtyType.list(CtyType.STRING)));
        assertTrue(CtyType.list(CtyType.DYNAMIC).accepts(CtyType.list(CtyType.NUMBER)));
        assertTrue(CtyType.object(Map.of("a", CtyType.DYNAMIC)).accepts(CtyType.object(Map.of("a", CtyType.BOOL))));
        assertFalse(CtyType.STRING.accepts(CtyType.NUMBER));
        assertFalse(CtyType.object(Map.of("a", CtyType.DYNAMIC)).accepts(CtyType.object(Map.of("b", CtyType.BOOL))));
        assertTrue(CtyType.tuple(CtyType.DYNAMIC).hasDynamic());
        assertFalse(CtyType.map(CtyType.STRING).hasDynamic());
    }

    @Test
    void friendlyNames() {
        assertEquals("list of set of string", CtyType.list(CtyType.set(CtyType.STRING)).friendlyName());
    }
}
