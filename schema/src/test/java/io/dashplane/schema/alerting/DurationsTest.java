package io.dashplane.schema.alerting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {
    @Test
    void parsesPrometheusDurations() {
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(300), Durations.parse("300s"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1s500ms"));
        assertEquals(Duration.ofDays(8).plusHours(2), Durations.parse("1w1d2h"));
        assertEquals(Duration.ofDays(365), Durations.parse("1y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 m", "m", "-5m", "1m1h", "1m1m", "5min", "1.5h", " 5m", "5m "})
    void rejectsMalformedDurations(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertFalse(e.getMessage().isBlank());
        assertFalse(Durations.isValid(text));
    }

    @Test
    void rejectsNull() {
        assertEquals("duration must not be empty", Durations.problem(null));
    }

    @Test
    void problemIsNullForValid() {
        assertNull(Durations.problem("1h"));
    }

    @Test
    void semanticEquality() {
        assertTrue(Durations.equivalent("5m", "300s"));
        assertTrue(Durations.equivalent("1h30m", "90m"));
        assertTrue(Durations.equivalent("0s", "0"));
        assertTrue(Durations.equivalent(null, null));
        assertFalse(Durations.equivalent("5m", "301s"));
        assertFalse(Durations.equivalent("5m", null));
        assertFalse(Durations.equivalent("5x", "5m"));
        assertTrue(Durations.equivalent("5x", "5x"));
    }

    @Test
    void formatsCanonically() {
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("1h", Durations.format(Duration.ofMinutes(60)));
        assertEquals("1w1d", Durations.format(Duration.ofDays(8)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals(Durations.parse("1h30m"), Durations.parse(Durations.format(Durations.parse("5400s"))));
    }
}
