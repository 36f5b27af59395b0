package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.protocol.Diagnostic;
import io.dashplane.provider.protocol.NestedBlock;
import io.dashplane.provider.protocol.UpgradeResourceStateRequest;
import io.dashplane.provider.protocol.UpgradeResourceStateResponse;
import io.dashplane.provider.protocol.ValidateResourceConfigRequest;
import io.dashplane.provider.protocol.ValidationResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan rules, validation, schema and state upgrade for nested LIST blocks. */
class BlockPlanRulesTest {
    private static final ListBlock HOOK = ListBlock.of("hook",
            Attr.string("url").required().sensitive().validate(Validators.notBlank()),
            Attr.string("uid").optional().computed(),
            Attr.bool("muted").defaultValue(false),
            Attr.string("body").optional().semanticEquality(SemanticEquality.json()),
            Attr.string("zone").optional().requiresReplace()).maxItems(3);
    private static final Schema SCHEMA = Schema.of(1, "a thing with hooks",
            List.of(Attr.string("title").required(), Attr.number("version").computed()), List.of(HOOK));

    private static Values values() {
        return Values.empty(SCHEMA.objectType()).withBlocks("hook", List.of());
    }

    private static Values hook(String url) {
        return Values.empty(HOOK.elementType()).with("url", url);
    }

    /** Terraform's ProposedNew: config, blocks paired by index, prior values where a computed attribute's config is null. */
    private static Values proposed(Values config, Values prior) {
        Values proposed = config.with("version", prior == null ? CtyValue.nullOf(SCHEMA.attribute("version").type()) : prior.get("version"));
        List<Values> priorHooks = prior == null ? List.of() : prior.blocks("hook");
        List<Values> hooks = new ArrayList<>();
        List<Values> configHooks = config.blocks("hook");
        for (int i = 0; i < configHooks.size(); i++) {
            Values element = configHooks.get(i);
            if (i < priorHooks.size()) {
                for (Attr attribute : HOOK.attributes().values()) {
                    if (attribute.isComputed() && element.isNull(attribute.name())) {
                        element = element.with(attribute.name(), priorHooks.get(i).get(attribute.name()));
                    }
                }
            }
            hooks.add(element);
        }
        return proposed.withBlocks("hook", hooks);
    }

    private static PlanRules.Plan plan(Values prior, Values config) {
        Diagnostics diagnostics = new Diagnostics();
        PlanRules.Plan plan = PlanRules.plan(SCHEMA, prior, config, proposed(config, prior), null, null, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.toString());
        return plan;
    }

    private static Values config(Values... hooks) {
        return values().with("title", "T").withBlocks("hook", List.of(hooks));
    }

    /** The state after applying {@code config}: uids u0, u1, ... and defaults filled. */
    private static Values state(Values config) {
        List<Values> hooks = new ArrayList<>();
        List<Values> configured = config.blocks("hook");
        for (int i = 0; i < configured.size(); i++) {
            Values element = configured.get(i);
            hooks.add(element.with("uid", element.isNull("uid") ? "u" + i : element.getString("uid"))
                    .with("muted", element.isNull("muted") ? Boolean.FALSE : element.getBool("muted")));
        }
        return config.with("version", 1L).withBlocks("hook", hooks);
    }

    @Test
    void createPlansBlocksAsConfiguredWithUnknownComputedAndDefaults() {
        Values planned = plan(null, config(hook("https://a"), hook("https://b").with("uid", "mine"))).planned();
        List<Values> hooks = planned.blocks("hook");
        assertEquals(2, hooks.size());
        assertEquals("https://a", hooks.get(0).getString("url"));
        assertFalse(hooks.get(0).isKnown("uid"));
        assertEquals("mine", hooks.get(1).getString("uid"));
        assertEquals(Boolean.FALSE, hooks.get(1).getBool("muted"));
        assertFalse(planned.isKnown("version"));
    }

    @Test
    void unchangedBlocksPlanThePriorState() {
        Values config = config(hook("https://a").with("body", "{\"a\":1}"), hook("https://b"));
        Values prior = state(config);
        Values reformatted = config(hook("https://a").with("body", "{ \"a\": 1.0 }"), hook("https://b"));
        PlanRules.Plan plan = plan(prior, reformatted);
        assertEquals(prior, plan.planned(), "semantically equal nested JSON keeps the prior text");
        assertTrue(plan.requiresReplace().isEmpty());
    }

    @Test
    void addedBlockIsUnknownWhereThereWasNoPriorBlockAndExistingOnesKeepTheirValuesByPosition() {
        Values prior = state(config(hook("https://a")));
        Values planned = plan(prior, config(hook("https://a2"), hook("https://b"))).planned();
        List<Values> hooks = planned.blocks("hook");
        assertEquals("u0", hooks.get(0).getString("uid"), "by position, although the block changed");
        assertFalse(hooks.get(1).isKnown("uid"));
        assertEquals(Boolean.FALSE, hooks.get(1).getBool("muted"));
        assertFalse(planned.isKnown("version"), "the object changes");
    }

    @Test
    void removedBlocksLeaveThePlanAndTheCountFollowsTheConfiguration() {
        Values prior = state(config(hook("https://a"), hook("https://b")));
        Values planned = plan(prior, config(hook("https://b"))).planned();
        assertEquals(1, planned.blocks("hook").size());
        assertEquals("u0", planned.blocks("hook").get(0).getString("uid"));
        assertEquals(List.of(), plan(prior, config()).planned().blocks("hook"));
    }

    @Test
    void changedRequiresReplaceAttributeInsideABlockIsAReplacePath() {
        Values prior = state(config(hook("https://a"), hook("https://b").with("zone", "eu")));
        PlanRules.Plan plan = plan(prior, config(hook("https://a"), hook("https://b").with("zone", "us")));
        assertEquals(List.of(AttributePath.of("hook").index(1).attr("zone")), plan.requiresReplace());
        assertTrue(plan(prior, config(hook("https://a"), hook("https://b").with("zone", "eu"))).requiresReplace().isEmpty());
    }

    @Test
    void unknownDynamicBlocksStayUnknown() {
        Values config = values().with("title", "T").withUnknown("hook");
        Values planned = PlanRules.plan(SCHEMA, null, config, config, null, null, new Diagnostics()).planned();
        assertFalse(planned.isKnown("hook"));
    }

    @Test
    void invalidBlockPlansAreNamedWithTheirIndex() {
        Values config = config(hook("https://a"));
        Values prior = state(config);
        assertEquals(List.of(), PlanRules.invalidPlanAttributes(SCHEMA, prior, config, prior));
        assertEquals(List.of("hook[0].url"), PlanRules.invalidPlanAttributes(SCHEMA, prior, config,
                prior.withBlocks("hook", List.of(prior.blocks("hook").get(0).with("url", "https://x")))));
        assertEquals(List.of("hook (block count 0 disagrees with 1 in the configuration)"),
                PlanRules.invalidPlanAttributes(SCHEMA, prior, config, prior.withBlocks("hook", List.of())));
        assertEquals(List.of("hook[0].zone"), PlanRules.invalidPlanAttributes(SCHEMA, prior, config,
                prior.withBlocks("hook", List.of(prior.blocks("hook").get(0).with("zone", "eu")))));
    }

    @Test
    void applyKeepsSemanticallyEqualPlannedValuesInBlocksAndReportsBrokenOnesByPath() {
        Values planned = state(config(hook("https://a").with("body", "{ \"a\": 1 }")));
        Values result = planned.withBlocks("hook", List.of(planned.blocks("hook").get(0).with("body", "{\"a\":1}")));
        assertEquals(planned, PlanRules.afterApply(SCHEMA, planned, result));
        Values unknownUid = planned.withBlocks("hook", List.of(planned.blocks("hook").get(0).withUnknown("uid")));
        Values changedUrl = planned.withBlocks("hook", List.of(planned.blocks("hook").get(0).with("url", "https://b")));
        assertEquals(List.of("hook[0].url"), PlanRules.inconsistentWithPlan(unknownUid, changedUrl));
        assertEquals(List.of(), PlanRules.inconsistentWithPlan(unknownUid, planned));
    }

    @Test
    void schemaDeclaresListBlocksAndRejectsClashingNames() {
        NestedBlock block = SCHEMA.toProtocol().block().blockTypes().get(0);
        assertEquals("hook", block.typeName());
        assertEquals(NestedBlock.Nesting.LIST, block.nesting());
        assertEquals(3, block.maxItems());
        assertTrue(block.block().attributes().stream().anyMatch(a -> a.name().equals("url") && a.sensitive() && a.required()));
        assertThrows(IllegalArgumentException.class, () -> Schema.of(0, "", List.of(Attr.string("hook").optional()), List.of(HOOK)));
    }

    // ---- through the protocol surface ----

    private final FrameworkProvider<Object> provider = new FrameworkProvider<>(new ProviderDefinition<>() {
        @Override
        public Schema schema() {
            return Schema.of(0, "");
        }

        @Override
        public Object configure(Values config, Diagnostics diagnostics) {
            return new Object();
        }

        @Override
        public List<Resource<Object>> resources() {
            return List.of(new PlanOnlyResource("test_hooks", SCHEMA));
        }

        @Override
        public List<DataSource<Object>> dataSources() {
            return List.of();
        }
    });

    @Test
    void validatorsAndItemLimitsReportPathsWithTheBlockIndex() {
        Values config = config(hook("https://a"), hook(" "));
        ValidationResponse response = provider.validateResourceConfig(new ValidateResourceConfigRequest("test_hooks",
                CtyMsgpack.encode(config.toCty(), SCHEMA.objectType())));
        assertEquals(1, response.diagnostics().size(), response.diagnostics().toString());
        assertEquals(io.dashplane.provider.protocol.AttributePath.ROOT.attribute("hook").index(1).attribute("url"),
                response.diagnostics().get(0).attribute());

        Values tooMany = config(hook("a"), hook("b"), hook("c"), hook("d"));
        Diagnostic limit = provider.validateResourceConfig(new ValidateResourceConfigRequest("test_hooks",
                CtyMsgpack.encode(tooMany.toCty(), SCHEMA.objectType()))).diagnostics().get(0);
        assertEquals(io.dashplane.provider.protocol.AttributePath.of("hook"), limit.attribute());
    }

    @Test
    void upgradeMakesMissingBlockListsEmpty() {
        String raw = "{\"title\":\"T\",\"version\":2}";
        UpgradeResourceStateResponse upgraded = provider.upgradeResourceState(
                new UpgradeResourceStateRequest("test_hooks", 1, raw.getBytes(StandardCharsets.UTF_8)));
        assertTrue(upgraded.diagnostics().isEmpty(), upgraded.diagnostics().toString());
        Values state = FrameworkProvider.decode(upgraded.upgradedState(), SCHEMA);
        assertEquals(List.of(), state.blocks("hook"));
        assertFalse(state.isNull("hook"));
    }
}
