package io.dashplane.provider.resources;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Diagnostics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoDurationTest {
    @Test
    void spellingsOfTheSameIntervalAreEqual() {
        for (String same : new String[] {"300s", "5m0s", "300000ms", "5m"}) {
            assertTrue(GoDuration.equality().equal(CtyValue.string("5m"), CtyValue.string(same)), same);
        }
        assertTrue(GoDuration.equality().equal(CtyValue.string("1h30m"), CtyValue.string("1.5h")));
        assertFalse(GoDuration.equality().equal(CtyValue.string("5m"), CtyValue.string("6m")));
        assertEquals(0, GoDuration.nanos("1.5us").orElseThrow().compareTo(new BigDecimal(1_500)));
    }

    @Test
    void whatGoDoesNotParseIsRefusedWithTheAcceptedUnits() {
        for (String bad : new String[] {"1d", "5", "", "5 m", "-5m", "m", "5m10"}) {
            Diagnostics diagnostics = new Diagnostics();
            GoDuration.positive().validate(AttributePath.of("resync_interval"), CtyValue.string(bad), diagnostics);
            assertTrue(diagnostics.hasErrors(), bad);
            assertTrue(diagnostics.toString().contains("units ns, us, ms, s, m, h"), diagnostics.toString());
        }
    }

    @Test
    void aZeroIntervalIsRefused() {
        Diagnostics diagnostics = new Diagnostics();
        GoDuration.positive().validate(AttributePath.of("resync_interval"), CtyValue.string("0s"), diagnostics);
        assertTrue(diagnostics.toString().contains("must be longer than zero"), diagnostics.toString());
    }
}
