package io.dashplane.schema.alerting;

import io.dashplane.schema.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelMatchersTest {
    @Test
    void parsesAllOperatorsQuotedAndUnquoted() {
        assertEquals(new LabelMatcher("team", "=", "ml"), LabelMatchers.parse("team=\"ml\""));
        assertEquals(new LabelMatcher("team", "!=", "ml"), LabelMatchers.parse("team != ml"));
        assertEquals(new LabelMatcher("team", "=~", "ml.*"), LabelMatchers.parse("team=~\"ml.*\""));
        assertEquals(new LabelMatcher("severity", "!~", "warning|critical"), LabelMatchers.parse("severity !~ \"warning|critical\""));
        assertEquals(new LabelMatcher("alertname", "=", "Watchdog"), LabelMatchers.parse("alertname = Watchdog"));
        assertEquals(new LabelMatcher("service-id X", "=", "a\"b"), LabelMatchers.parse("\"service-id X\"=\"a\\\"b\""));
        assertEquals(new LabelMatcher("empty", "=", ""), LabelMatchers.parse("empty=\"\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "team", "team==ml", "=ml", "team=\"ml", "team=ml\"", "1team=ml", "team-x=ml", "team=\"a\"b\""})
    void rejectsMalformed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelMatchers.parse(text));
        assertNotNull(e.getMessage());
    }

    @Test
    void regexProblems() {
        assertNull(LabelMatchers.regexProblem("warning|critical"));
        assertTrue(LabelMatchers.regexProblem("ml(").contains("does not compile"));
    }

    @Test
    void objectMatcherTripleJson() throws Exception {
        LabelMatcher matcher = Json.mapper().readValue("[\"team\",\"=~\",\"ml.*\"]", LabelMatcher.class);
        assertEquals(new LabelMatcher("team", "=~", "ml.*"), matcher);
        assertEquals("[\"team\",\"=~\",\"ml.*\"]", Json.mapper().writeValueAsString(matcher));
        assertThrows(Exception.class, () -> Json.mapper().readValue("[\"team\",\"=\"]", LabelMatcher.class));
    }

    @Test
    void formatsBackToParsableString() {
        for (String text : List.of("team=\"ml\"", "severity=~\"warning|critical\"", "\"odd name\"!=\"x\\\\y\"")) {
            LabelMatcher matcher = LabelMatchers.parse(text);
            assertEquals(matcher, LabelMatchers.parse(matcher.format()));
        }
    }
}
