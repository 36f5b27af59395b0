package io.dashplane.provider.shim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShimMainTest {
    @Test
    void theDaemonsJvmOptionsAreCheckedAgainstTheRunningJdkAndAnUnknownOneIsLeftOut() {
        assertTrue(ShimMain.vmKnowsOption("MaxHeapSize"));
        assertFalse(ShimMain.vmKnowsOption("NoSuchOptionInAnyJdk"));
    }
}
