package io.dashplane.provider.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Map<String, BlockSchema.AttributeSchema> hook = new LinkedHashMap<>();
        hook.put("url", new BlockSchema.AttributeSchema("url", CtyType.STRING, true, false, false, true));
        hook.put("uid", new BlockSchema.AttributeSchema("uid", CtyType.STRING, false, true, true, false));
        SCHEMA = new BlockSchema(0, attributes, Map.of("hook", new BlockSchema.ListBlockSchema("hook", hook, 0, 2)));
    }

    private static Map<String, Object> hook(String url, Object uid) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("url", url);
        block.put("uid", uid);
        return block;
    }

    private static CtyValue hooks(Object... blocks) {
        return object(Map.of("name", "a", "hook", List.of(blocks)));
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

    @Test
    void blockPlansKeepTheConfiguredCountAndArePairedByIndex() {
        CtyValue unknownUid = CtyValue.unknownOf(CtyType.STRING);
        CtyValue config = hooks(hook("https://a", null), hook("https://b", null));
        assertDoesNotThrow(() -> TerraformRules.checkPlan("t.x", SCHEMA, NONE, config,
                planned(hooks(hook("https://a", unknownUid), hook("https://b", "chosen")), List.of())));
        TerraformRules.Violation count = assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x",
                SCHEMA, NONE, config, planned(hooks(hook("https://a", unknownUid)), List.of())));
        assertTrue(count.getMessage().contains("block count in plan (1) disagrees with count in config (2)"), count.getMessage());
        TerraformRules.Violation changed = assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x",
                SCHEMA, NONE, config, planned(hooks(hook("https://a", unknownUid), hook("https://secret", unknownUid)), List.of())));
        assertTrue(changed.getMessage().contains(".hook[1].url") && !changed.getMessage().contains("https://secret"),
                changed.getMessage());
        CtyValue nullBlocks = Configuration.object(SCHEMA, Map.of("name", "a", "hook",
                CtyValue.nullOf(SCHEMA.blocks().get("hook").type())));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x", SCHEMA, NONE, config,
                planned(nullBlocks, List.of())));
        CtyValue unknownBlock = Configuration.object(SCHEMA, Map.of("name", "a", "hook", CtyValue.list(
                SCHEMA.blocks().get("hook").elementType(), List.of(hooks(hook("https://a", null)).getAttr("hook").index(0),
                        CtyValue.unknownOf(SCHEMA.blocks().get("hook").elementType())))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkPlan("t.x", SCHEMA, NONE, config,
                planned(unknownBlock, List.of())));
        // a prior block at the same index lets a non-null configured attribute keep its prior value
        CtyValue prior = hooks(hook("https://a", "u0"));
        assertDoesNotThrow(() -> TerraformRules.checkPlan("t.x", SCHEMA, prior, hooks(hook("https://a", null)),
                planned(prior, List.of(List.of(new Diag.Step("hook", null, null), new Diag.Step(null, null, 0L),
                        new Diag.Step("url", null, null))))));
    }

    @Test
    void proposedNewPairsBlocksByIndex() {
        CtyValue prior = hooks(hook("https://a", "u0"));
        CtyValue proposed = TerraformRules.proposedNew(SCHEMA, prior, hooks(hook("https://b", null), hook("https://c", null)));
        assertEquals(hooks(hook("https://b", "u0"), hook("https://c", null)).getAttr("hook"), proposed.getAttr("hook"));
    }

    @Test
    void blockCountsDiagnosticPathsAndReplacePathsIntoBlocks() {
        assertEquals(List.of(), TerraformRules.blockCountErrors(SCHEMA, hooks(hook("a", null), hook("b", null))));
        List<Diag> tooMany = TerraformRules.blockCountErrors(SCHEMA, hooks(hook("a", null), hook("b", null), hook("c", null)));
        assertEquals("hook", tooMany.get(0).pathText());
        List<Diag.Step> url = List.of(new Diag.Step("hook", null, null), new Diag.Step(null, null, 1L), new Diag.Step("url", null, null));
        assertDoesNotThrow(() -> TerraformRules.checkDiagnostics("x", List.of(new Diag(Diag.Severity.ERROR, "bad", "", url)), SCHEMA));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkDiagnostics("x", List.of(new Diag(
                Diag.Severity.ERROR, "bad", "", List.of(new Diag.Step("hook", null, null), new Diag.Step("url", null, null)))), SCHEMA));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkDiagnostics("x", List.of(new Diag(
                Diag.Severity.ERROR, "bad", "", List.of(new Diag.Step("hook", null, null), new Diag.Step(null, null, 0L),
                        new Diag.Step("nope", null, null)))), SCHEMA));
        CtyValue value = hooks(hook("https://a", "u0"), hook("https://b", "u1"));
        assertEquals(CtyValue.string("https://b"), TerraformRules.valueAt(value, url));
        assertEquals(null, TerraformRules.valueAt(hooks(hook("https://a", "u0")), url));
    }

    @Test
    void applyResultKeepsTheBlockCountAndKnownNestedValues() {
        CtyValue planned = hooks(hook("https://a", CtyValue.unknownOf(CtyType.STRING)));
        assertDoesNotThrow(() -> TerraformRules.checkApplyResult("t.x", planned, hooks(hook("https://a", "u0"))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkApplyResult("t.x", planned,
                hooks(hook("https://a", "u0"), hook("https://b", "u1"))));
        assertThrows(TerraformRules.Violation.class, () -> TerraformRules.checkApplyResult("t.x", planned,
                hooks(hook("https://x", "u0"))));
    }
}
