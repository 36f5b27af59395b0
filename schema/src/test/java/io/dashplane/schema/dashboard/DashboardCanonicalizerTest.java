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
        String text = "{\"a\":1.50,\"b\":1e-7,\"c\":12345678901234567890123}";
        assertEquals("{\"a\":1.50,\"b\":1E-7,\"c\":12345678901234567890123}",
                Json.mapper().writeValueAsString(Json.mapper().readTree(text)));
    }
}
