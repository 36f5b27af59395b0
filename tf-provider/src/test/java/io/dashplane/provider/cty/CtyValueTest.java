package io.dashplane.provider.cty;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CtyValueTest {
    private static final ObjectType PANEL = ObjectType.builder()
            .attribute("id", CtyType.NUMBER).attribute("title", CtyType.STRING).build();
    private static final ObjectType DASHBOARD = ObjectType.builder()
            .attribute("uid", CtyType.STRING)
            .attribute("panels", CtyType.list(PANEL))
            .attribute("labels", CtyType.map(CtyType.STRING))
            .attribute("tags", CtyType.set(CtyType.STRING))
            .build();

    private static ObjectValue sample() {
        return ObjectValue.builder(DASHBOARD)
                .put("uid", "main")
                .put("panels", CtyValue.list(PANEL,
                        ObjectValue.builder(PANEL).put("id", 1).put("title", "CPU").build(),
                        ObjectValue.builder(PANEL).put("id", 2).put("title", CtyValue.unknownOf(CtyType.STRING)).build()))
                .put("labels", CtyValue.map(CtyType.STRING, Map.of("team", CtyValue.string("ml"))))
                .put("tags", CtyValue.set(CtyType.STRING, CtyValue.string("x")))
                .build();
    }

    @Test
    void numbersCompareByValue() {
        assertEquals(CtyValue.number("1.50"), CtyValue.number("1.5"));
        assertEquals(CtyValue.number("1.50").hashCode(), CtyValue.number("1.5").hashCode());
        assertEquals(CtyValue.number(100), CtyValue.number("1e2"));
        assertEquals(CtyValue.number("0.00"), CtyValue.number(0));
        assertNotEquals(CtyValue.number("0.1"), CtyValue.number(new BigDecimal(0.1)));
        assertEquals("100", CtyValue.number("1e2").toDecimalText());
    }

    @Test
    void stateQueries() {
        assertTrue(CtyValue.nullOf(CtyType.STRING).isNull());
        assertTrue(CtyValue.nullOf(CtyType.STRING).isKnown());
        assertFalse(CtyValue.unknownOf(CtyType.STRING).isKnown());
        assertFalse(CtyValue.unknownOf(CtyType.STRING).isNull());
        ObjectValue sample = sample();
        assertTrue(sample.isKnown());
        assertFalse(sample.isWhollyKnown());
        assertTrue(sample.withAttr("panels", CtyValue.list(PANEL)).isWhollyKnown());
    }

    @Test
    void accessors() {
        ObjectValue sample = sample();
        assertEquals("main", sample.getAttr("uid").asString());
        assertEquals(2, sample.getAttr("panels").length());
        assertEquals(1L, sample.getAttr("panels").index(0).getAttr("id").asLong());
        assertEquals("ml", sample.getAttr("labels").asMap().get("team").asString());
        assertThrows(IllegalStateException.class, () -> sample.getAttr("uid").asBigDecimal());
        assertThrows(IllegalStateException.class, () -> sample.getAttr("panels").index(1).getAttr("title").asString());
        assertThrows(IllegalArgumentException.class, () -> sample.getAttr("nope"));
        assertThrows(IllegalStateException.class, () -> CtyValue.number("1.5").asLong());
    }

    @Test
    void attributesOfNullAndUnknownObjects() {
        assertEquals(CtyValue.nullOf(CtyType.STRING), CtyValue.nullOf(PANEL).getAttr("title"));
        assertEquals(CtyValue.unknownOf(CtyType.NUMBER), CtyValue.unknownOf(PANEL).getAttr("id"));
    }

    @Test
    void constructionChecksTypes() {
        assertThrows(IllegalArgumentException.class,
                () -> CtyValue.list(CtyType.STRING, CtyValue.number(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ObjectValue(PANEL, Map.of("id", CtyValue.number(1))));
        assertThrows(IllegalArgumentException.class,
                () -> ObjectValue.builder(PANEL).put("nope", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> CtyValue.tuple(CtyType.tuple(CtyType.STRING), List.of()));
        // a null or unknown of the dynamic type converts to any type
        CtyValue.list(CtyType.STRING, CtyValue.nullOf(CtyType.DYNAMIC));
    }

    @Test
    void setsIgnoreOrder() {
        CtyValue ab = CtyValue.set(CtyType.STRING, CtyValue.string("a"), CtyValue.string("b"));
        CtyValue ba = CtyValue.set(CtyType.STRING, CtyValue.string("b"), CtyValue.string("a"), CtyValue.string("b"));
        assertEquals(ab, ba);
        assertEquals(ab.hashCode(), ba.hashCode());
        assertNotEquals(ab, CtyValue.set(CtyType.STRING, CtyValue.string("a")));
        assertNotEquals(ab, CtyValue.list(CtyType.STRING, CtyValue.string("a"), CtyValue.string("b")));
    }

    @Test
    void deepEquality() {
        assertEquals(sample(), sample());
        assertNotEquals(sample(), sample().withAttr("uid", CtyValue.string("other")));
    }

    @Test
    void walkVisitsEveryValueWithItsPath() {
        Map<String, CtyValue> seen = new LinkedHashMap<>();
        sample().walk((path, value) -> {
            seen.put(path.toString(), value);
            return true;
        });
        assertEquals(List.of("(root)", "labels", "labels[\"team\"]", "panels", "panels[0]", "panels[0].id",
                "panels[0].title", "panels[1]", "panels[1].id", "panels[1].title", "tags", "tags[set element]", "uid"),
                new ArrayList<>(seen.keySet()));
        assertEquals(CtyValue.unknownOf(CtyType.STRING), seen.get("panels[1].title"));
    }

    @Test
    void walkSkipsChildrenWhenAsked() {
        List<String> seen = new ArrayList<>();
        sample().walk((path, value) -> {
            seen.add(path.toString());
            return !path.equals(AttributePath.of("panels"));
        });
        assertFalse(seen.contains("panels[0]"));
        assertTrue(seen.contains("tags[set element]"));
    }

    @Test
    void transformReplacesUnknownsBottomUp() {
        CtyValue filled = sample().transform((path, value) ->
                value.isKnown() ? value : CtyValue.string("filled at " + path));
        assertTrue(filled.isWhollyKnown());
        assertEquals("filled at panels[1].title", filled.getAttr("panels").index(1).getAttr("title").asString());
        assertEquals("main", filled.getAttr("uid").asString());
    }

    @Test
    void javaConversionRoundTrip() {
        Map<String, Object> java = CtyJava.toJavaMap(sample().withAttr("panels", CtyValue.list(PANEL,
                ObjectValue.builder(PANEL).put("id", 1).build())));
        assertEquals("main", java.get("uid"));
        @SuppressWarnings("unchecked")
        Map<String, Object> panel = ((List<Map<String, Object>>) java.get("panels")).get(0);
        assertEquals(BigDecimal.ONE, panel.get("id"));
        assertNull(panel.get("title"));
        assertTrue(panel.containsKey("title"));
        assertEquals(List.of("x"), java.get("tags"));
        assertEquals(sample().withAttr("panels", CtyValue.list(PANEL, ObjectValue.builder(PANEL).put("id", 1).build())),
                CtyJava.fromJava(java, DASHBOARD));
    }

    @Test
    void fromJavaFillsMissingAttributesAndRejectsUnknownOnes() {
        CtyValue panel = CtyJava.fromJava(Map.of("id", 3L), PANEL);
        assertEquals(CtyValue.nullOf(CtyType.STRING), panel.getAttr("title"));
        CtyException error = assertThrows(CtyException.class,
                () -> CtyJava.fromJava(Map.of("panels", List.of(Map.of("id", "three"))), DASHBOARD));
        assertEquals(AttributePath.of("panels").index(0).attr("id"), error.path());
        assertThrows(CtyException.class, () -> CtyJava.fromJava(Map.of("bogus", 1), PANEL));
        assertEquals(CtyValue.number("0.1"), CtyJava.fromJava(0.1d, CtyType.NUMBER));
    }

    @Test
    void toJavaRefusesUnknowns() {
        CtyException error = assertThrows(CtyException.class, () -> CtyJava.toJava(sample()));
        assertEquals(AttributePath.of("panels").index(1).attr("title"), error.path());
    }

    @Test
    void fromJavaForDynamicImpliesTheType() {
        CtyValue value = CtyJava.fromJava(Map.of("a", List.of(1, "x")), CtyType.DYNAMIC);
        assertEquals(CtyType.fromJson("[\"object\",{\"a\":[\"tuple\",[\"number\",\"string\"]]}]"), value.type());
    }

    @Test
    void attributePaths() {
        AttributePath path = AttributePath.of("a").key("k\"1").index(3).attr("b");
        assertEquals("a[\"k\\\"1\"][3].b", path.toString());
        assertEquals(AttributePath.of("a").key("k\"1").index(3), path.parent());
        assertTrue(AttributePath.of("a").isPrefixOf(path));
        assertFalse(AttributePath.of("b").isPrefixOf(path));
        assertEquals(AttributePath.of("tags"),
                AttributePath.of("tags").setElement(CtyValue.string("x")).attr("y").truncateAtSetElement());
        assertEquals("(root)", AttributePath.root().toString());
    }
}
