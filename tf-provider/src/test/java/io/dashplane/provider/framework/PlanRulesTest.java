package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanRulesTest {
    private static final Schema SCHEMA = Schema.of(0, "a thing",
            Attr.string("title").required(),
            Attr.string("uid").optional().computed().requiresReplace().useStateForUnknown(),
            Attr.string("body").optional().semanticEquality(SemanticEquality.json()),
            Attr.string("access").defaultValue("proxy"),
            Attr.string("id").computed().useStateForUnknown(),
            Attr.number("version").computed());

    private static Values values() {
        return Values.empty(SCHEMA.objectType());
    }

    /** What Terraform proposes: config, with prior values for computed attributes whose config is null. */
    private static Values proposed(Values config, Values prior) {
        Values proposed = config;
        for (Attr attribute : SCHEMA.attributes().values()) {
            if (attribute.isComputed() && config.isNull(attribute.name())) {
                proposed = proposed.with(attribute.name(), prior == null
                        ? CtyValue.nullOf(attribute.type()) : prior.get(attribute.name()));
            }
        }
        return proposed;
    }

    private static PlanRules.Plan plan(Values prior, Values config) {
        return plan(prior, config, null);
    }

    private static PlanRules.Plan plan(Values prior, Values config, Resource<Object> resource) {
        Diagnostics diagnostics = new Diagnostics();
        PlanRules.Plan plan = PlanRules.plan(SCHEMA, prior, config, proposed(config, prior), resource, null, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.toString());
        return plan;
    }

    private static Values prior() {
        return values().with("title", "A").with("uid", "a1").with("body", "{\"b\":1,\"a\":[1,2]}")
                .with("access", "proxy").with("id", "default/a1").with("version", 3L);
    }

    @Test
    void createPlansComputedUnknownAndDefaults() {
        Values config = values().with("title", "A").with("body", "{}");
        Values planned = plan(null, config).planned();
        assertEquals("A", planned.getString("title"));
        assertEquals("{}", planned.getString("body"));
        assertEquals("proxy", planned.getString("access"));
        assertFalse(planned.isKnown("uid"));
        assertFalse(planned.isKnown("id"));
        assertFalse(planned.isKnown("version"));
        assertTrue(plan(null, config).requiresReplace().isEmpty());
    }

    @Test
    void createKeepsConfiguredOptionalComputedValue() {
        Values planned = plan(null, values().with("title", "A").with("uid", "mine")).planned();
        assertEquals("mine", planned.getString("uid"));
    }

    @Test
    void unchangedConfigPlansThePriorState() {
        Values config = values().with("title", "A").with("body", "{\"b\":1,\"a\":[1,2]}");
        PlanRules.Plan plan = plan(prior(), config);
        assertEquals(prior(), plan.planned());
        assertTrue(plan.requiresReplace().isEmpty());
    }

    @Test
    void semanticallyEqualConfigPlansThePriorText() {
        Values config = values().with("title", "A").with("body", "{ \"a\": [1, 2.0], \"b\": 1 }");
        Values planned = plan(prior(), config).planned();
        assertEquals(prior(), planned, "reformatted JSON must not show as a change");
    }

    @Test
    void realChangeMakesComputedUnknownExceptKeptState() {
        Values config = values().with("title", "B").with("body", "{\"b\":2}");
        PlanRules.Plan plan = plan(prior(), config);
        Values planned = plan.planned();
        assertEquals("B", planned.getString("title"));
        assertEquals("{\"b\":2}", planned.getString("body"));
        assertFalse(planned.isKnown("version"), "version changes with every write");
        assertEquals("default/a1", planned.getString("id"));
        assertEquals("a1", planned.getString("uid"));
        assertTrue(plan.requiresReplace().isEmpty());
    }

    @Test
    void removedOptionalValueIsAChange() {
        Values config = values().with("title", "A");
        Values planned = plan(prior(), config).planned();
        assertTrue(planned.isNull("body"));
        assertFalse(planned.isKnown("version"));
    }

    @Test
    void changedRequiresReplaceAttributeIsReported() {
        Values config = values().with("title", "A").with("uid", "a2").with("body", "{\"b\":1,\"a\":[1,2]}");
        PlanRules.Plan plan = plan(prior(), config);
        assertEquals(List.of(AttributePath.of("uid")), plan.requiresReplace());
        assertEquals("a2", plan.planned().getString("uid"));
    }

    @Test
    void defaultReplacesNullConfigOnUpdate() {
        Values prior = prior().with("access", "direct");
        Values planned = plan(prior, values().with("title", "A").with("body", "{\"b\":1,\"a\":[1,2]}")).planned();
        assertEquals("proxy", planned.getString("access"));
        assertFalse(planned.isKnown("version"));
    }

    @Test
    void unknownConfigIsAChange() {
        Values config = values().with("title", CtyValue.unknownOf(io.dashplane.provider.cty.CtyType.STRING))
                .with("body", "{\"b\":1,\"a\":[1,2]}");
        Values planned = plan(prior(), config).planned();
        assertFalse(planned.isKnown("title"));
        assertFalse(planned.isKnown("version"));
        assertEquals("default/a1", planned.getString("id"));
    }

    @Test
    void destroyPlansNull() {
        Diagnostics diagnostics = new Diagnostics();
        PlanRules.Plan plan = PlanRules.plan(SCHEMA, prior(), values(), null, null, null, diagnostics);
        assertNull(plan.planned());
        assertTrue(plan.requiresReplace().isEmpty());
    }

    @Test
    void resourceHookValuesAreNotOverwritten() {
        Resource<Object> resource = new PlanOnlyResource("test_thing", SCHEMA) {
            @Override
            public void modifyPlan(PlanContext<Object> plan) {
                plan.set("id", "default/" + plan.config().getString("title"));
                plan.keepPrior("version");
                plan.requireReplace("title");
            }
        };
        PlanRules.Plan plan = plan(prior(), values().with("title", "Z").with("body", "{\"b\":1,\"a\":[1,2]}"), resource);
        assertEquals("default/Z", plan.planned().getString("id"));
        assertEquals(3L, plan.planned().getLong("version"));
        assertEquals(List.of(AttributePath.of("title")), plan.requiresReplace());
    }

    @Test
    void aHookBreakingTerraformsRulesIsCaughtHere() {
        Resource<Object> resource = new PlanOnlyResource("test_thing", SCHEMA) {
            @Override
            public void modifyPlan(PlanContext<Object> plan) {
                plan.set("title", "not what was configured");
            }
        };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> plan(prior(), values().with("title", "A"), resource));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }

    @Test
    void readKeepsPriorTextWhenSemanticallyEqual() {
        Values server = prior().with("body", "{\"a\":[1,2],\"b\":1}");
        assertEquals(prior(), PlanRules.afterRead(SCHEMA, prior(), server));
        Values drifted = prior().with("body", "{\"a\":[1,3],\"b\":1}").with("title", "X");
        assertEquals(drifted, PlanRules.afterRead(SCHEMA, prior(), drifted), "real drift must show");
    }

    @Test
    void applyKeepsPlannedTextWhenSemanticallyEqual() {
        Values planned = prior().withUnknown("version");
        Values result = prior().with("body", "{\"a\":[1,2],\"b\":1}").with("version", 4L);
        Values consistent = PlanRules.afterApply(SCHEMA, planned, result);
        assertEquals("{\"b\":1,\"a\":[1,2]}", consistent.getString("body"));
        assertEquals(4L, consistent.getLong("version"));
        assertTrue(PlanRules.inconsistentWithPlan(planned, consistent).isEmpty());
        assertEquals(List.of("title"), PlanRules.inconsistentWithPlan(planned, consistent.with("title", "other")));
    }
}
