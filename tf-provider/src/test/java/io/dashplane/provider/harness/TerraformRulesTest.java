package io.dashplane.provider.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker fails on exactly the answers Terraform refuses. */
class TerraformRulesTest {
    private static final BlockSchema SCHEMA;

    static {
        Map<String, BlockSchema.AttributeSchema> attributes = new LinkedHashMap<>();
        attributes.put("name", new BlockSchema.AttributeSchema("name", CtyType.STRING, true, false, false, false));
        attributes.put("uid", new BlockSchema.AttributeSchema("uid", CtyType.STRING, false, true, true, false));
        attributes.put("version", new BlockSchema.AttributeSchema("version", CtyType.NUMBER, false, false, true, false));
        attributes.put("note", new BlockSchema.AttributeSchema("note", CtyType.STRING, false, true, false, true));
        SCHEMA = new BlockSchema(0, attributes, 0);
    }

    private static CtyValue object(Map<String, Object> values) {
        return Configuration.object(SCHEMA, values);
    }

    private static ProviderRpc.Planned planned(CtyValue value, List<List<Diag.Step>> replace) {
        return new ProviderRpc.Planned(value, replace, new byte[0], List.of(), false);
    }

    private static final CtyValue NONE = CtyValue.nullOf(SCHEMA.objectType());

    @Test
    void createMayChooseComputedValuesButMustKeepConfig() {
        CtyValue config = object(Map.of("name", "a"));
        assertDoesNotThrow(() -> TerraformRules.checkPlan("t.x", SCHEMA, NONE, config, planned(object(Map.of("name", "a",
                "uid", CtyValue.unknownOf(CtyType.STRING), "version", CtyValue.unknownOf(CtyType.NUMBER))), List.of())));
        TerraformRules.Violation changedConfig = assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan(
                "t.x", SCHEMA, NONE, config, planned(object(Map.of("name", "b")), List.of())));
        assertTrue(changedConfig.getMessage().contains(".name: planned value \"b\""), changedConfig.getMessage());
        TerraformRules.Violation inventedOptional = assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan(
                "t.x", SCHEMA, NONE, config, planned(object(Map.of("name", "a", "note", "secret")), List.of())));
        assertTrue(inventedOptional.getMessage().contains("non-computed") && !inventedOptional.getMessage().contains("secret"),
                "sensitive values stay hidden: " + inventedOptional.getMessage());
    }

    @Test
    void aSemanticallyEqualConfigMayKeepThePrior() {
        CtyValue prior = object(Map.of("name", "{\"a\":1}", "uid", "u", "version", 1));
        CtyValue config = object(Map.of("name", "{ \"a\": 1 }"));
        assertDoesNotThrow(() -> TerraformRules.checkPlan("t.x", SCHEMA, prior, config, planned(prior, List.of())));
        // keeping the prior is only allowed where the prior is not null
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x", SCHEMA, prior,
                object(Map.of("name", "{ \"a\": 1 }", "note", "new")), planned(prior, List.of())));
    }

    @Test
    void destroyPlansNullAndReplacePathsNameAttributes() {
        CtyValue prior = object(Map.of("name", "a", "uid", "u", "version", 1));
        assertDoesNotThrow(() -> TerraformRules.checkPlan("t.x", SCHEMA, prior, NONE, planned(NONE, List.of())));
        assertThrows(TerraformRules.Violation.class,
                () -> TerraformRules.checkPlan("t.x", SCHEMA, prior, NONE, planned(prior, List.of())));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x", SCHEMA, prior,
                object(Map.of("name", "a")), planned(prior, List.of(List.of(new Diag.Step("nope", null, null))))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x", SCHEMA, prior,
                object(Map.of("name", "a")), new ProviderRpc.Planned(prior, List.of(), new byte[0], List.of(), true)));
    }

    @Test
    void finalPlanAndApplyResultKeepKnownPlannedValues() {
        CtyValue first = object(Map.of("name", "a", "uid", "u", "version", CtyValue.unknownOf(CtyType.NUMBER)));
        assertDoesNotThrow(() -> TerraformRules.checkFinalPlan("t.x", first, first));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkFinalPlan("t.x", first,
                object(Map.of("name", "a", "uid", "v", "version", CtyValue.unknownOf(CtyType.NUMBER)))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkFinalPlan("t.x", first,
                object(Map.of("name", "a", "uid", CtyValue.unknownOf(CtyType.STRING), "version", 2))));
        assertDoesNotThrow(() -> TerraformRules.checkApplyResult("t.x", first, object(Map.of("name", "a", "uid", "u", "version", 7))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkApplyResult("t.x", first, first));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkApplyResult("t.x", first,
                object(Map.of("name", "a", "uid", "u2", "version", 7))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkApplyResult("t.x", NONE, first));
    }

    @Test
    void diagnosticsNeedSeverityAndSchemaPaths() {
        assertDoesNotThrow(() -> TerraformRules.checkDiagnostics("x", List.of(new Diag(Diag.Severity.ERROR, "bad", "",
                List.of(new Diag.Step("name", null, null)))), SCHEMA));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkDiagnostics("x",
                List.of(new Diag(Diag.Severity.INVALID, "bad", "", List.of())), SCHEMA));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkDiagnostics("x",
                List.of(new Diag(Diag.Severity.ERROR, "bad", "", List.of(new Diag.Step("missing", null, null)))), SCHEMA));
    }

    @Test
    void proposedNewTakesPriorForNullComputedAttributes() {
        CtyValue prior = object(Map.of("name", "a", "uid", "u", "version", 3, "note", "n"));
        CtyValue proposed = TerraformRules.proposedNew(SCHEMA, prior, object(Map.of("name", "b")));
        assertTrue(proposed.equals(object(Map.of("name", "b", "uid", "u", "version", 3))), proposed.toString());
    }
}
