package io.dashplane.schema.provisioning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvInterpolationTest {
    private static final Map<String, String> ENV = Map.of("PORT", "9090", "USER", "grafana", "PASS", "p$w", "EMPTY", "");

    private static String expand(String text) throws ProvisioningParseException {
        return EnvInterpolation.expand("datasources/ds.yaml", text, ENV);
    }

    @Test
    void replacesBothForms() throws Exception {
        assertEquals("http://localhost:9090/grafana", expand("http://localhost:$PORT/${USER}"));
        assertEquals("9090x", expand("${PORT}x"));
    }

    @Test
    void anUnsetVariableIsAnErrorNamingTheVariableTheFileAndTheLine() {
        var e = assertThrows(ProvisioningParseException.class, () -> expand("a: 1\nurl: http://$NOPE:${ALSO_NOPE}/\n"));
        assertEquals("datasources/ds.yaml", e.finding().file());
        assertEquals(2, e.finding().line());
        assertEquals("environment variable NOPE is not set; set it or write ${NOPE:-default} (also unset: ALSO_NOPE)",
                e.finding().message());
    }

    @Test
    void aDefaultReplacesAnUnsetOrEmptyVariable() throws Exception {
        assertEquals("http://prometheus:9090", expand("http://${PROM_HOST:-prometheus}:${PORT:-80}"));
        assertEquals("fallback", expand("${EMPTY:-fallback}"));
        assertEquals("", expand("${NOPE:-}"));
    }

    @Test
    void anEmptyVariableIsSetAndExpandsToNothing() throws Exception {
        assertEquals("[]", expand("[$EMPTY]"));
    }

    @Test
    void doubleDollarIsALiteralDollar() throws Exception {
        assertEquals("pa$word", expand("pa$$word"));
        assertEquals("$PORT", expand("$$PORT"));
        assertEquals("$9090", expand("$$$PORT"));
        assertEquals("$$", expand("$$$$"));
        assertEquals("${NOPE}", expand("$${NOPE}"));
    }

    @Test
    void valuesAreNotExpandedAgain() throws Exception {
        assertEquals("p$w", expand("$PASS"));
    }

    @Test
    void fullLineCommentsAreNotExpanded() throws Exception {
        assertEquals("  # set $UNSET_IN_COMMENT first\nport: 9090", expand("  # set $UNSET_IN_COMMENT first\nport: $PORT"));
    }

    @Test
    void dollarWithoutANameStays() throws Exception {
        assertEquals("costs $ 5 and ${unclosed", expand("costs $ 5 and ${unclosed"));
        assertEquals("end$", expand("end$"));
    }
}
