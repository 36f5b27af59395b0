package io.dashplane.provider.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dashplane.schema.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    private static JsonProcessingException failure(String text) {
        return assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree(text));
    }

    @Test
    void invalidJsonIsDescribedByLineColumnAndProblemWithoutParserInternals() {
        for (String text : List.of("{\n  \"title\": \"x\",,\n}", "[{\"refId\": \"A\"", "{\"a\": tru}", "\"\\q\"")) {
            String described = JsonSyntax.describe(failure(text));
            assertTrue(described.matches("at line \\d+, column \\d+: .+"), described);
            for (String internal : List.of("REDACTED", "Source:", "StreamReadFeature", "(code ", "\n")) {
                assertFalse(described.contains(internal), internal + " in " + described);
            }
        }
        assertEquals("at line 2, column 16: expected a key in double quotes",
                JsonSyntax.describe(failure("{\n  \"title\": \"x\",,\n}")));
        assertEquals("at line 1, column 15: unexpected end of input inside an object at /0",
                JsonSyntax.describe(failure("[{\"refId\": \"A\"")));
    }

    @Test
    void sensitiveJsonIsLocatedWithoutQuotingIt() {
        assertEquals("at line 1, column 13", JsonSyntax.locate(failure("{\"a\": secret}")));
    }
}
