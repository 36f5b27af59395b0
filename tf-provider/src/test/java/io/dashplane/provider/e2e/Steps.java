package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.harness.Configuration;
import io.dashplane.provider.harness.Diag;
import io.dashplane.provider.harness.TerraformCore;
import java.util.List;

/** Assertions shared by the end-to-end tests. */
final class Steps {
    private Steps() {
    }

    static void noErrors(String step, List<Diag> diagnostics) {
        assertFalse(Diag.hasErrors(diagnostics), step + ": unexpected errors " + diagnostics);
    }

    static TerraformCore.Plan plan(TerraformCore core, Configuration configuration) {
        TerraformCore.Plan plan = core.plan(configuration);
        noErrors("plan", plan.diagnostics());
        return plan;
    }

    static void apply(TerraformCore core, Configuration configuration, TerraformCore.Plan plan) {
        noErrors("apply", core.apply(configuration, plan).diagnostics());
    }

    /** plan + apply, returns the plan that was applied. */
    static TerraformCore.Plan planAndApply(TerraformCore core, Configuration configuration) {
        TerraformCore.Plan plan = plan(core, configuration);
        apply(core, configuration, plan);
        return plan;
    }

    static void assertNoChanges(TerraformCore core, Configuration configuration) {
        TerraformCore.Plan plan = plan(core, configuration);
        assertFalse(plan.hasChanges(), "expected no changes, got " + plan);
    }

    static void assertAction(TerraformCore.Plan plan, String address, TerraformCore.Action action) {
        assertEquals(action, plan.change(address).action(), () -> "plan: " + plan);
    }

    static String string(CtyValue object, String attribute) {
        CtyValue v = object.getAttr(attribute);
        return v.isNull() ? null : v.asString();
    }

    static void assertWhollyKnownState(TerraformCore core, String address) {
        CtyValue value = core.stateValue(address);
        assertTrue(value != null && value.isWhollyKnown(), address + " in state: " + value);
    }
}
