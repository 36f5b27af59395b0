package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ListValue;
import io.dashplane.provider.cty.MapValue;
import io.dashplane.provider.cty.ObjectValue;
import io.dashplane.provider.cty.TupleValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Terraform core's own checks on provider answers (objchange.AssertPlanValid, AssertObjectCompatible and
 * the checks around ReadResource, ImportResourceState and ReadDataSource), applied to top-level attributes
 * (the Dashplane schemas have no nested blocks). A violation is what Terraform reports as "Provider
 * produced invalid plan", "inconsistent final plan", "inconsistent result after apply" or "invalid
 * object"; here it fails the test with the same kind of message.
 */
public final class TerraformRules {
    private TerraformRules() {
    }

    /** A broken Terraform rule: a provider bug Terraform would refuse. */
    public static final class Violation extends AssertionError {
        public Violation(String message) {
            super(message);
        }
    }

    private static void fail(String heading, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new Violation(heading + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Every diagnostic has a severity, a summary, and a path (if any) that starts at an attribute of the schema. */
    public static void checkDiagnostics(String call, List<Diag> diagnostics, BlockSchema schema) {
        List<String> problems = new ArrayList<>();
        for (Diag d : diagnostics) {
            if (d.severity() == Diag.Severity.INVALID) {
                problems.add("diagnostic without severity: " + d);
            }
            if (d.summary().isBlank()) {
                problems.add("diagnostic without summary: " + d);
            }
            if (!d.path().isEmpty()) {
                Diag.Step first = d.path().get(0);
                if (first.attributeName() == null) {
                    problems.add("attribute path must start with an attribute name: " + d);
                } else if (schema != null && !schema.attributes().containsKey(first.attributeName())) {
                    problems.add("attribute path names no attribute of the schema: " + d);
                }
            }
        }
        fail("Provider sent invalid diagnostics in " + call, problems);
    }

    /**
     * AssertPlanValid: the planned value for each attribute equals config, or equals a non-null prior
     * where config is non-null (semantic equality), or is chosen by the provider for a computed-only
     * attribute, or for an optional+computed attribute whose config is null. A null config (destroy) must
     * plan null. requires_replace must name attributes of the schema. The legacy type system is refused.
     */
    public static void checkPlan(String address, BlockSchema schema, CtyValue prior, CtyValue config,
                                 ProviderRpc.Planned plan) {
        List<String> problems = new ArrayList<>();
        CtyValue planned = plan.plannedState();
        if (plan.legacyTypeSystem()) {
            problems.add("legacy_type_system is set; a provider that is not SDKv2 must never set it");
        }
        for (List<Diag.Step> path : plan.requiresReplace()) {
            if (path.isEmpty() || path.get(0).attributeName() == null
                    || !schema.attributes().containsKey(path.get(0).attributeName())) {
                problems.add("requires_replace names a path that is not an attribute of the schema: " + path);
            }
        }
        if (config.isNull()) {
            if (!planned.isNull()) {
                problems.add("planned for existence but config wants absence (destroy must plan null): " + planned);
            }
            fail("Provider produced invalid plan for " + address, problems);
            return;
        }
        if (planned.isNull()) {
            problems.add("planned for absence but config wants existence");
        } else if (!planned.isKnown()) {
            problems.add("planned an unknown object");
        } else {
            for (BlockSchema.AttributeSchema attribute : schema.attributes().values()) {
                String name = attribute.name();
                CtyValue p = planned.getAttr(name);
                CtyValue c = config.getAttr(name);
                CtyValue pr = prior.isNull() ? CtyValue.nullOf(attribute.type()) : prior.getAttr(name);
                String problem = plannedValueProblem(attribute, pr, c, p);
                if (problem != null) {
                    problems.add("." + name + ": " + problem);
                }
            }
        }
        fail("Provider produced invalid plan for " + address, problems);
    }

    private static String plannedValueProblem(BlockSchema.AttributeSchema attribute, CtyValue prior, CtyValue config,
                                              CtyValue planned) {
        if (planned.equals(config)) {
            return null;
        }
        if (planned.equals(prior) && !prior.isNull() && !config.isNull()) {
            return null;
        }
        if (attribute.computed() && !attribute.optional()) {
            return null;
        }
        if (config.isNull() && attribute.computed()) {
            return null;
        }
        String shown = attribute.sensitive() ? "(sensitive value)" : String.valueOf(planned);
        if (config.isNull()) {
            return "planned value " + shown + " for a non-computed attribute";
        }
        return prior.isNull()
                ? "planned value " + shown + " does not match config value " + (attribute.sensitive() ? "(sensitive value)" : config)
                : "planned value " + shown + " does not match config value " + (attribute.sensitive() ? "(sensitive value)" : config)
                  + " nor prior value " + (attribute.sensitive() ? "(sensitive value)" : prior);
    }

    /** The final plan at apply keeps every value the first plan knew ("Provider produced inconsistent final plan"). */
    public static void checkFinalPlan(String address, CtyValue firstPlan, CtyValue finalPlan) {
        List<String> problems = new ArrayList<>();
        compatible("", firstPlan, finalPlan, problems);
        fail("Provider produced inconsistent final plan for " + address
                + " (when expanding the plan, values known in the first plan changed)", problems);
    }

    /**
     * The result of ApplyResourceChange is wholly known and keeps every known planned value ("Provider
     * produced inconsistent result after apply"); a delete (null plan) returns null.
     */
    public static void checkApplyResult(String address, CtyValue planned, CtyValue newState) {
        List<String> problems = new ArrayList<>();
        if (planned.isNull()) {
            if (!newState.isNull()) {
                problems.add("a delete (null planned state) must return a null new state, got " + newState);
            }
        } else if (newState.isNull()) {
            problems.add("the result is null although the plan wants the object to exist");
        } else {
            if (!newState.isWhollyKnown()) {
                unknownPaths("", newState, problems);
            }
            compatible("", planned, newState, problems);
        }
        fail("Provider produced inconsistent result after apply for " + address, problems);
    }

    /** ReadResource, UpgradeResourceState, ImportResourceState and ReadDataSource results are wholly known. */
    public static void checkWhollyKnown(String what, CtyValue value) {
        List<String> problems = new ArrayList<>();
        unknownPaths("", value, problems);
        fail("Provider produced invalid object in " + what + " (unknown values)", problems);
    }

    private static void unknownPaths(String path, CtyValue value, List<String> problems) {
        if (!value.isKnown()) {
            problems.add((path.isEmpty() ? "(root)" : path) + " is unknown");
        } else if (!value.isNull() && (value instanceof ObjectValue || value instanceof MapValue)) {
            value.asMap().forEach((k, v) -> unknownPaths(path + (value instanceof ObjectValue ? "." + k : "[\"" + k + "\"]"), v, problems));
        } else if (!value.isNull() && (value instanceof ListValue || value instanceof TupleValue)) {
            List<CtyValue> elements = value.elements();
            for (int i = 0; i < elements.size(); i++) {
                unknownPaths(path + "[" + i + "]", elements.get(i), problems);
            }
        } else if (!value.isWhollyKnown()) {
            problems.add(path + " holds unknown values");
        }
    }

    /** AssertObjectCompatible: wherever {@code planned} is known, {@code actual} equals it. */
    private static void compatible(String path, CtyValue planned, CtyValue actual, List<String> problems) {
        String where = path.isEmpty() ? "(root)" : path;
        if (!planned.isKnown()) {
            return;
        }
        if (!actual.isKnown()) {
            problems.add(where + ": was known (" + planned + "), but now unknown");
            return;
        }
        if (planned.isNull() || actual.isNull()) {
            if (planned.isNull() != actual.isNull()) {
                problems.add(where + ": was " + planned + ", but now " + actual);
            }
            return;
        }
        if (planned instanceof ObjectValue p && actual instanceof ObjectValue a) {
            for (Map.Entry<String, CtyValue> e : p.attributes().entrySet()) {
                compatible(path + "." + e.getKey(), e.getValue(), a.getAttr(e.getKey()), problems);
            }
            return;
        }
        if ((planned instanceof ListValue || planned instanceof TupleValue) && !planned.isWhollyKnown()) {
            List<CtyValue> pe = planned.elements();
            List<CtyValue> ae = actual.elements();
            if (pe.size() != ae.size()) {
                problems.add(where + ": length changed from " + pe.size() + " to " + ae.size());
                return;
            }
            for (int i = 0; i < pe.size(); i++) {
                compatible(path + "[" + i + "]", pe.get(i), ae.get(i), problems);
            }
            return;
        }
        if (planned.isWhollyKnown() && !Objects.equals(planned, actual)) {
            problems.add(where + ": was " + planned + ", but now " + actual);
        }
    }

    /** Terraform's ProposedNew for a block of attributes: config, with prior values where a computed attribute's config is null. */
    public static CtyValue proposedNew(BlockSchema schema, CtyValue prior, CtyValue config) {
        if (config.isNull() || !config.isKnown()) {
            return config;
        }
        ObjectValue.Builder proposed = ObjectValue.builder(schema.objectType());
        for (BlockSchema.AttributeSchema attribute : schema.attributes().values()) {
            CtyValue c = config.getAttr(attribute.name());
            CtyValue p = prior.isNull() ? CtyValue.nullOf(attribute.type()) : prior.getAttr(attribute.name());
            proposed.put(attribute.name(), attribute.computed() && c.isNull() ? p : c);
        }
        return proposed.build();
    }
}
