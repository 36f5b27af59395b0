package io.dashplane.provider.cty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.dashplane.provider.cty.Hex.bytes;
import static io.dashplane.provider.cty.Hex.hex;
import static io.dashplane.provider.cty.Hex.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CtyMsgpackTest {
    private static final ObjectType A_STRING_B_NUMBER = ObjectType.builder()
            .attribute("a", CtyType.STRING).attribute("b", CtyType.NUMBER).build();

    private static void assertEncodes(String expectedHex, CtyValue value, CtyType type) {
        assertEquals(expectedHex, hex(CtyMsgpack.encode(value, type)));
        assertEquals(value, CtyMsgpack.decode(bytes(expectedHex), type), "decoding " + expectedHex);
    }

    @Test
    void unknownOfAnyTypeIsFixext1TypeZero() {
        assertEncodes("d4 00 00", CtyValue.unknownOf(CtyType.STRING), CtyType.STRING);
        assertEncodes("d4 00 00", CtyValue.unknownOf(CtyType.list(CtyType.NUMBER)), CtyType.list(CtyType.NUMBER));
        assertEncodes("d4 00 00", CtyValue.unknownOf(A_STRING_B_NUMBER), A_STRING_B_NUMBER);
    }

    @Test
    void nullOfAnyTypeIsNil() {
        assertEncodes("c0", CtyValue.nullOf(CtyType.STRING), CtyType.STRING);
        assertEncodes("c0", CtyValue.nullOf(A_STRING_B_NUMBER), A_STRING_B_NUMBER);
        assertEncodes("c0", CtyValue.nullOf(CtyType.DYNAMIC), CtyType.DYNAMIC);
    }

    @Test
    void primitives() {
        assertEncodes("a2 68 69", CtyValue.string("hi"), CtyType.STRING);
        assertEncodes("a2 c3 a9", CtyValue.string("é"), CtyType.STRING);
        assertEncodes("c3", CtyValue.bool(true), CtyType.BOOL);
        assertEncodes("c2", CtyValue.bool(false), CtyType.BOOL);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 00",
            "1, 01",
            "127, 7f",
            "-1, ff",
            "-32, e0",
            "2.0, 02",
            "100, 64",
            "1e2, 64",
            "0.5, cb 3f e0 00 00 00 00 00 00",
            "-1.5, cb bf f8 00 00 00 00 00 00",
            "1.50, cb 3f f8 00 00 00 00 00 00",
    })
    void numbersAsIntWhenExactInt64AndFloat64WhenExact(String decimal, String expectedHex) {
        CtyValue number = CtyValue.number(decimal);
        assertEquals(expectedHex, hex(CtyMsgpack.encode(number, CtyType.NUMBER)));
        assertEquals(number, CtyMsgpack.decode(bytes(expectedHex), CtyType.NUMBER));
    }

    @Test
    void int64BoundsAreIntegers() {
        byte[] max = CtyMsgpack.encode(CtyValue.number(Long.MAX_VALUE), CtyType.NUMBER);
        assertEquals(9, max.length);
        assertTrue(max[0] == (byte) 0xcf || max[0] == (byte) 0xd3, "an 8-byte integer format: " + hex(max));
        assertEquals("d3 80 00 00 00 00 00 00 00", hex(CtyMsgpack.encode(CtyValue.number(Long.MIN_VALUE), CtyType.NUMBER)));
    }

    @Test
    void numbersNotExactAsInt64OrFloat64AreDecimalStrings() {
        // 2^63 is one past the int64 range; it is a whole number, so not sent as float64 either
        String twoTo63 = "9223372036854775808";
        assertEncodes("b3 " + text(twoTo63), CtyValue.number(twoTo63), CtyType.NUMBER);
        // 0.1 has no exact binary representation
        assertEncodes("a3 " + text("0.1"), CtyValue.number("0.1"), CtyType.NUMBER);
        assertEncodes("a4 " + text("-0.3"), CtyValue.number("-0.3"), CtyType.NUMBER);
        String huge = "1" + "0".repeat(40);
        assertEquals("d9 29 " + text(huge), hex(CtyMsgpack.encode(CtyValue.number("1e40"), CtyType.NUMBER)));
    }

    @ParameterizedTest
    @CsvSource({
            "05, 5",
            "e0, -32",
            "d0 80, -128",
            "d1 ff 00, -256",
            "d2 80 00 00 00, -2147483648",
            "d3 80 00 00 00 00 00 00 00, -9223372036854775808",
            "cc ff, 255",
            "cd ff ff, 65535",
            "ce ff ff ff ff, 4294967295",
            "cf ff ff ff ff ff ff ff ff, 18446744073709551615",
            "ca 3f c0 00 00, 1.5",
            "cb 40 09 00 00 00 00 00 00, 3.125",
            "a4 31 32 2e 35, 12.5",
            "d9 04 31 65 2b 33, 1000",
            "da 00 02 2d 37, -7",
            "c4 02 34 32, 42",
    })
    void numbersInEveryWireFormat(String wireHex, String expected) {
        assertEquals(CtyValue.number(expected), CtyMsgpack.decode(bytes(wireHex), CtyType.NUMBER));
    }

    @Test
    void float64InputKeepsItsExactBinaryValue() {
        CtyValue decoded = CtyMsgpack.decode(bytes("cb 3f b9 99 99 99 99 99 9a"), CtyType.NUMBER);
        assertEquals(new BigDecimal(0.1), decoded.asBigDecimal());
        assertEquals("cb 3f b9 99 99 99 99 99 9a", hex(CtyMsgpack.encode(decoded, CtyType.NUMBER)));
    }

    @Test
    void objectHoldsEveryAttributeIncludingNulls() {
        ObjectValue value = ObjectValue.builder(A_STRING_B_NUMBER).put("a", "x").build();
        assertEncodes("82 a1 61 a1 78 a1 62 c0", value, A_STRING_B_NUMBER);
    }

    @Test
    void objectAttributesMayComeInAnyOrder() {
        ObjectValue value = ObjectValue.builder(A_STRING_B_NUMBER).put("a", "x").put("b", 7).build();
        assertEquals(value, CtyMsgpack.decode(bytes("82 a1 62 07 a1 61 a1 78"), A_STRING_B_NUMBER));
    }

    @Test
    void missingObjectAttributeIsAnError() {
        CtyException error = assertThrows(CtyException.class,
                () -> CtyMsgpack.decode(bytes("81 a1 61 a1 78"), A_STRING_B_NUMBER));
        assertTrue(error.getMessage().contains("missing attribute \"b\""), error.getMessage());
    }

    @Test
    void unknownObjectAttributeIsAnErrorWithItsPath() {
        ObjectType outer = ObjectType.builder().attribute("inner", A_STRING_B_NUMBER).build();
        CtyException error = assertThrows(CtyException.class,
                () -> CtyMsgpack.decode(bytes("81 a5 " + text("inner") + " 83 a1 61 c0 a1 62 c0 a1 7a c0"), outer));
        assertEquals(AttributePath.of("inner"), error.path());
        assertTrue(error.getMessage().contains("unsupported attribute \"z\""), error.getMessage());
    }

    @Test
    void wrongWireTypeNamesThePath() {
        ObjectType type = ObjectType.builder().attribute("tags", CtyType.list(CtyType.STRING)).build();
        CtyException error = assertThrows(CtyException.class,
                () -> CtyMsgpack.decode(bytes("81 a4 " + text("tags") + " 92 a1 61 05"), type));
        assertEquals(AttributePath.of("tags").index(1), error.path());
        assertEquals("tags[1]: a string is required, got msgpack integer", error.getMessage());
    }

    @Test
    void nestedListOfObjects() {
        ObjectType panel = ObjectType.builder().attribute("id", CtyType.NUMBER).attribute("title", CtyType.STRING).build();
        ListType panels = CtyType.list(panel);
        CtyValue value = CtyValue.list(panel,
                ObjectValue.builder(panel).put("id", 1).put("title", "CPU").build(),
                ObjectValue.builder(panel).put("id", 2).build());
        assertEncodes("92"
                + " 82 a2 " + text("id") + " 01 a5 " + text("title") + " a3 " + text("CPU")
                + " 82 a2 " + text("id") + " 02 a5 " + text("title") + " c0", value, panels);
        assertEncodes("90", CtyValue.list(panel), panels);
    }

    @Test
    void setsAreDeduplicated() {
        SetType type = CtyType.set(CtyType.STRING);
        CtyValue decoded = CtyMsgpack.decode(bytes("93 a1 61 a1 62 a1 61"), type);
        assertEquals(2, decoded.length());
        assertEquals(CtyValue.set(CtyType.STRING, CtyValue.string("b"), CtyValue.string("a")), decoded);
        assertEquals("92 a1 61 a1 62",
                hex(CtyMsgpack.encode(CtyValue.set(CtyType.STRING, CtyValue.string("a"), CtyValue.string("b"), CtyValue.string("a")), type)));
    }

    @Test
    void setElementsHoldingUnknownsAreNotMerged() {
        SetType type = CtyType.set(CtyType.STRING);
        CtyValue decoded = CtyMsgpack.decode(bytes("93 d4 00 00 d4 00 00 a1 61"), type);
        assertEquals(3, decoded.length());
        assertFalse(decoded.isWhollyKnown());
    }

    @Test
    void mapsHaveStringKeysSortedOnOutput() {
        MapType type = CtyType.map(CtyType.NUMBER);
        CtyValue decoded = CtyMsgpack.decode(bytes("82 a1 62 02 a1 61 01"), type);
        assertEquals(CtyValue.map(CtyType.NUMBER, Map.of("a", CtyValue.number(1), "b", CtyValue.number(2))), decoded);
        assertEquals("82 a1 61 01 a1 62 02", hex(CtyMsgpack.encode(decoded, type)));
    }

    @Test
    void tuples() {
        TupleType type = CtyType.tuple(CtyType.STRING, CtyType.BOOL);
        assertEncodes("92 a1 78 c3", CtyValue.tuple(type, List.of(CtyValue.string("x"), CtyValue.bool(true))), type);
        assertThrows(CtyException.class, () -> CtyMsgpack.decode(bytes("91 a1 78"), type));
    }

    @Test
    void dynamicValueIsTypeJsonAndValuePair() {
        String typeJson = text("\"string\"");
        assertEncodes("92 c4 08 " + typeJson + " a1 78", CtyValue.string("x"), CtyType.DYNAMIC);
        // the type JSON may also arrive as a msgpack str
        assertEquals(CtyValue.string("x"), CtyMsgpack.decode(bytes("92 a8 " + typeJson + " a1 78"), CtyType.DYNAMIC));
    }

    @Test
    void dynamicHoldingAnObject() {
        String typeJson = "[\"object\",{\"a\":\"string\",\"b\":\"number\"}]";
        ObjectValue value = ObjectValue.builder(A_STRING_B_NUMBER).put("a", "x").put("b", 1).build();
        assertEncodes("92 c4 " + String.format("%02x", typeJson.length()) + " " + text(typeJson)
                + " 82 a1 61 a1 78 a1 62 01", value, CtyType.DYNAMIC);
    }

    @Test
    void whollyUnknownDynamicIsABareExtension() {
        assertEncodes("d4 00 00", CtyValue.unknownOf(CtyType.DYNAMIC), CtyType.DYNAMIC);
        // an unknown of a known type in a dynamic slot keeps its type
        assertEncodes("92 c4 08 " + text("\"number\"") + " d4 00 00", CtyValue.unknownOf(CtyType.NUMBER), CtyType.DYNAMIC);
    }

    @Test
    void dynamicAttributeInsideAnObject() {
        ObjectType type = ObjectType.builder().attribute("v", CtyType.DYNAMIC).build();
        ObjectValue value = ObjectValue.builder(type).put("v", CtyValue.bool(true)).build();
        assertEncodes("81 a1 76 92 c4 06 " + text("\"bool\"") + " c3", value, type);
        assertEncodes("81 a1 76 c0", ObjectValue.builder(type).build(), type);
    }

    @Test
    void refinedUnknownsOfExtension12AreUnknown() {
        // {1: false} = "definitely not null"
        assertEquals(CtyValue.unknownOf(CtyType.STRING), CtyMsgpack.decode(bytes("c7 03 0c 81 01 c2"), CtyType.STRING));
        // {1: false, 2: "ab"} = not null, string prefix "ab"; what follows must still decode
        ObjectType type = ObjectType.builder().attribute("a", CtyType.STRING).attribute("b", CtyType.STRING).build();
        CtyValue decoded = CtyMsgpack.decode(bytes("82 a1 61 c7 07 0c 82 01 c2 02 a2 61 62 a1 62 a1 78"), type);
        assertEquals(CtyValue.unknownOf(CtyType.STRING), decoded.getAttr("a"));
        assertEquals(CtyValue.string("x"), decoded.getAttr("b"));
        // number bounds {3: [0, true]}
        assertEquals(CtyValue.unknownOf(CtyType.NUMBER), CtyMsgpack.decode(bytes("c7 05 0c 81 03 92 00 c3"), CtyType.NUMBER));
        // collection length bounds as ext8, and unknown extension types
        assertEquals(CtyValue.unknownOf(CtyType.list(CtyType.STRING)),
                CtyMsgpack.decode(bytes("c7 05 0c 82 05 01 06 03"), CtyType.list(CtyType.STRING)));
        assertEquals(CtyValue.unknownOf(CtyType.BOOL), CtyMsgpack.decode(bytes("d5 07 00 00"), CtyType.BOOL));
        assertEquals(CtyValue.unknownOf(CtyType.DYNAMIC), CtyMsgpack.decode(bytes("c7 03 0c 81 01 c2"), CtyType.DYNAMIC));
    }

    @Test
    void stringsInEveryStrFormat() {
        assertEquals(CtyValue.string("ab"), CtyMsgpack.decode(bytes("d9 02 61 62"), CtyType.STRING));
        assertEquals(CtyValue.string("ab"), CtyMsgpack.decode(bytes("da 00 02 61 62"), CtyType.STRING));
        assertEquals(CtyValue.string("ab"), CtyMsgpack.decode(bytes("db 00 00 00 02 61 62"), CtyType.STRING));
        String long300 = "x".repeat(300);
        assertEquals("da 01 2c " + text(long300), hex(CtyMsgpack.encode(CtyValue.string(long300), CtyType.STRING)));
    }

    @Test
    void malformedInputIsACtyException() {
        assertThrows(CtyException.class, () -> CtyMsgpack.decode(bytes("92 a1"), CtyType.list(CtyType.STRING)));
        assertThrows(CtyException.class, () -> CtyMsgpack.decode(new byte[0], CtyType.STRING));
        assertThrows(CtyException.class, () -> CtyMsgpack.decode(bytes("a3 " + text("abc")), CtyType.NUMBER));
        assertThrows(CtyException.class, () -> CtyMsgpack.decode(bytes("92 c4 05 " + text("\"xyz\"") + " c0"), CtyType.DYNAMIC));
        assertThrows(CtyException.class, () -> CtyMsgpack.decode(bytes("cb 7f f0 00 00 00 00 00 00"), CtyType.NUMBER));
    }

    @Test
    void encodingAValueOfTheWrongTypeFails() {
        CtyException error = assertThrows(CtyException.class,
                () -> CtyMsgpack.encode(ObjectValue.builder(A_STRING_B_NUMBER).build(),
                        ObjectType.builder().attribute("a", CtyType.STRING).build()));
        assertTrue(error.getMessage().contains("cannot be encoded"), error.getMessage());
    }

    @Test
    void roundTripOfADeepValue() {
        ObjectType target = ObjectType.builder().attribute("expr", CtyType.STRING).attribute("ref", CtyType.STRING).build();
        ObjectType panel = ObjectType.builder()
                .attribute("id", CtyType.NUMBER)
                .attribute("targets", CtyType.list(target))
                .attribute("tags", CtyType.set(CtyType.STRING))
                .attribute("options", CtyType.map(CtyType.STRING))
                .attribute("extra", CtyType.DYNAMIC)
                .attribute("pos", CtyType.tuple(CtyType.NUMBER, CtyType.NUMBER))
                .build();
        ObjectType root = ObjectType.builder()
                .attribute("uid", CtyType.STRING)
                .attribute("panels", CtyType.list(panel))
                .attribute("version", CtyType.NUMBER)
                .build();
        CtyValue panelValue = CtyJava.fromJava(Map.of(
                "id", 12,
                "targets", List.of(Map.of("expr", "up", "ref", "A"), Map.of("expr", "rate(x[5m])")),
                "tags", List.of("a", "b"),
                "options", Map.of("legend", "bottom"),
                "extra", Map.of("nested", List.of(1, "two", true)),
                "pos", List.of(new BigDecimal("0.1"), 24)), panel);
        CtyValue value = ObjectValue.builder(root)
                .put("uid", "abc")
                .put("panels", CtyValue.list(panel, panelValue, CtyValue.unknownOf(panel)))
                .put("version", CtyValue.unknownOf(CtyType.NUMBER))
                .build();
        byte[] encoded = CtyMsgpack.encode(value, root);
        assertEquals(value, CtyMsgpack.decode(encoded, root));
        assertEquals(hex(encoded), hex(CtyMsgpack.encode(CtyMsgpack.decode(encoded, root), root)));
    }
}
