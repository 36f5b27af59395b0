package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardCanonicalizerTest {
    static List<Path> corpus() {
        return Corpus.dashboards();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void reformattedCorpusDashboardIsTheSame(Path file) throws Exception {
        String original = Files.readString(file);
        JsonNode tree = Json.mapper().readTree(original);
        String compact = Json.mapper().writeValueAsString(tree);
        assertTrue(DashboardCanonicalizer.semanticallyEqual(original, compact));
        assertEquals(DashboardCanonicalizer.canonicalText(tree),
                DashboardCanonicalizer.canonicalText(Json.mapper().readTree(compact)));
    }

    @Test
    void keyOrderNumberSpellingAndMetadataDoNotMatter() {
        assertTrue(DashboardCanonicalizer.semanticallyEqual(
                "{\"title\":\"a\",\"panels\":[{\"id\":1,\"w\":1.50}],\"id\":4,\"version\":9}",
                "{\"panels\":[{\"w\":1.5,\"id\":1.0}],\"title\":\"a\"}"));
    }

    @Test
    void realDifferencesMatter() {
        assertFalse(DashboardCanonicalizer.semanticallyEqual("{\"title\":\"a\"}", "{\"title\":\"b\"}"));
        assertFalse(DashboardCanonicalizer.semanticallyEqual("{\"panels\":[1,2]}", "{\"panels\":[2,1]}"));
        assertFalse(DashboardCanonicalizer.semanticallyEqual("{\"a\":null}", "{}"));
        assertFalse(DashboardCanonicalizer.semanticallyEqual("{\"a\":1}", "not json"));
    }

    @Test
    void numbersAreReadBackAsWritten() throws Exception {
        String text = "{\"a\":1.50,\"b\":1e-7,\"c\":12345678901234567890123,\"d\":[1e400,-0.0,1E5,0.1e-2,-0]}";
        assertEquals(text, Json.mapper().writeValueAsString(Json.mapper().readTree(text)));
    }

    @Test
    void spellingsDoNotMatterToSemanticEquality() throws Exception {
        assertTrue(DashboardCanonicalizer.semanticallyEqual("{\"a\":[1e400,-0.0,1E5,0.1e-2,-0,1.50]}",
                "{\"a\":[1E+400,0,100000,0.001,0,1.5]}"));
        assertEquals(DashboardCanonicalizer.canonicalText(Json.mapper().readTree("{\"a\":[1E+400,0.0,1e5]}")),
                DashboardCanonicalizer.canonicalText(Json.mapper().readTree("{\"a\":[1e400,-0.0,1E5]}")));
        assertFalse(DashboardCanonicalizer.semanticallyEqual("{\"a\":1e400}", "{\"a\":1e401}"));
    }
}
