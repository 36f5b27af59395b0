package io.dashplane.schema.provisioning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvInterpolationTest {
    private static final Map<String, String> ENV = Map.of("PORT", "9090", "USER", "grafana", "PASS", "p$w");

    @Test
    void replacesBothForms() {
        assertEquals("http://localhost:9090/grafana", EnvInterpolation.expand("http://localhost:$PORT/${USER}", ENV));
        assertEquals("9090x", EnvInterpolation.expand("${PORT}x", ENV));
    }

    @Test
    void unsetVariablesBecomeEmpty() {
        assertEquals("a::b", EnvInterpolation.expand("a:$NOPE:${ALSO_NOPE}b", ENV));
    }

    @Test
    void doubleDollarIsALiteralDollar() {
        assertEquals("pa$word", EnvInterpolation.expand("pa$$word", ENV));
        assertEquals("$PORT", EnvInterpolation.expand("$$PORT", ENV));
        assertEquals("$9090", EnvInterpolation.expand("$$$PORT", ENV));
        assertEquals("$$", EnvInterpolation.expand("$$$$", ENV));
    }

    @Test
    void valuesAreNotExpandedAgain() {
        assertEquals("p$w", EnvInterpolation.expand("$PASS", ENV));
    }

    @Test
    void dollarWithoutANameStays() {
        assertEquals("costs $ 5 and ${unclosed", EnvInterpolation.expand("costs $ 5 and ${unclosed", ENV));
        assertEquals("end$", EnvInterpolation.expand("end$", ENV));
    }
}
