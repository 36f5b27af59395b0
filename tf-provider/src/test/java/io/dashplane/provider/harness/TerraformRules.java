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
 * the checks around ReadResource, ImportResourceState and ReadDataSource), applied to top-level attributes and
 * to the attributes of nested LIST blocks (paired by index, as Terraform pairs list blocks). A violation is what Terraform reports as "Provider
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
                } else if (schema != null && !schema.hasMember(first.attributeName())) {
                    problems.add("attribute path names no attribute of the schema: " + d);
                } else if (schema != null && schema.blocks().containsKey(first.attributeName()) && d.path().size() > 1) {
                    BlockSchema.ListBlockSchema block = schema.blocks().get(first.attributeName());
                    Diag.Step index = d.path().get(1);
                    if (index.elementKeyInt() == null) {
                        problems.add("a path into list block " + block.name() + " must continue with an index: " + d);
                    } else if (d.path().size() > 2 && (d.path().get(2).attributeName() == null
                            || !block.attributes().containsKey(d.path().get(2).attributeName()))) {
                        problems.add("attribute path names no attribute of block " + block.name() + ": " + d);
                    }
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
                    || !schema.hasMember(path.get(0).attributeName())) {
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
            for (BlockSchema.ListBlockSchema block : schema.blocks().values()) {
                CtyValue pr = prior.isNull() ? CtyValue.nullOf(block.type()) : prior.getAttr(block.name());
                plannedBlocksProblems(block, pr, config.getAttr(block.name()), planned.getAttr(block.name()), problems);
            }
        }
        fail("Provider produced invalid plan for " + address, problems);
    }

    /** assertPlanValid for a LIST block type: the planned list has the configured count; blocks paired by index. */
    private static void plannedBlocksProblems(BlockSchema.ListBlockSchema block, CtyValue prior, CtyValue config,
                                              CtyValue planned, List<String> problems) {
        String path = "." + block.name();
        if (planned.equals(config)) {
            return;
        }
        if (!config.isKnown()) {
            problems.add(path + ": planned value " + planned + " for unknown dynamic block");
            return;
        }
        if (!planned.isKnown()) {
            problems.add(path + ": attribute representing nested block must not be unknown itself;"
                    + " set nested attribute values to unknown instead");
            return;
        }
        if (planned.isNull()) {
            problems.add(path + ": attribute representing a list of nested blocks must be empty to indicate no blocks, not null");
            return;
        }
        List<CtyValue> configBlocks = config.isNull() ? List.of() : config.elements();
        List<CtyValue> plannedBlocks = planned.elements();
        if (plannedBlocks.size() != configBlocks.size()) {
            problems.add(path + ": block count in plan (" + plannedBlocks.size() + ") disagrees with count in config ("
                    + configBlocks.size() + ")");
            return;
        }
        List<CtyValue> priorBlocks = prior.isKnown() && !prior.isNull() ? prior.elements() : List.of();
        for (int i = 0; i < plannedBlocks.size(); i++) {
            CtyValue p = plannedBlocks.get(i);
            if (!p.isKnown()) {
                problems.add(path + "[" + i + "]: element representing nested block must not be unknown itself;"
                        + " set nested attribute values to unknown instead");
                continue;
            }
            CtyValue c = configBlocks.get(i);
            CtyValue pr = i < priorBlocks.size() ? priorBlocks.get(i) : CtyValue.nullOf(block.elementType());
            for (BlockSchema.AttributeSchema attribute : block.attributes().values()) {
                String problem = plannedValueProblem(attribute,
                        pr.isNull() ? CtyValue.nullOf(attribute.type()) : pr.getAttr(attribute.name()),
                        c.getAttr(attribute.name()), p.getAttr(attribute.name()));
                if (problem != null) {
                    problems.add(path + "[" + i + "]." + attribute.name() + ": " + problem);
                }
            }
        }
    }

    /**
     * The errors Terraform's configuration decoder reports before any provider call: fewer or more blocks
     * of a LIST block type than its min_items/max_items allow.
     */
    public static List<Diag> blockCountErrors(BlockSchema schema, CtyValue config) {
        List<Diag> errors = new ArrayList<>();
        for (BlockSchema.ListBlockSchema block : schema.blocks().values()) {
            CtyValue blocks = config.getAttr(block.name());
            if (!blocks.isKnown() || blocks.isNull()) {
                continue;
            }
            int count = blocks.length();
            List<Diag.Step> path = List.of(new Diag.Step(block.name(), null, null));
            if (count < block.minItems()) {
                errors.add(new Diag(Diag.Severity.ERROR, "Insufficient " + block.name() + " blocks",
                        "At least " + block.minItems() + " \"" + block.name() + "\" blocks are required.", path));
            }
            if (block.maxItems() > 0 && count > block.maxItems()) {
                errors.add(new Diag(Diag.Severity.ERROR, "Too many " + block.name() + " blocks",
                        "No more than " + block.maxItems() + " \"" + block.name() + "\" blocks are allowed", path));
            }
        }
        return errors;
    }

    /**
     * The value at a path (attribute names and list indexes), as hcl.ApplyPath finds it; null where the
     * path does not exist in {@code value}.
     */
    public static CtyValue valueAt(CtyValue value, List<Diag.Step> path) {
        CtyValue current = value;
        for (Diag.Step step : path) {
            if (current == null || !current.isKnown() || current.isNull()) {
                return null;
            }
            if (step.attributeName() != null && current instanceof ObjectValue object
                    && object.type().hasAttribute(step.attributeName())) {
                current = object.getAttr(step.attributeName());
            } else if (step.elementKeyInt() != null && (current instanceof ListValue || current instanceof TupleValue)
                    && step.elementKeyInt() >= 0 && step.elementKeyInt() < current.length()) {
                current = current.elements().get(step.elementKeyInt().intValue());
            } else if (step.elementKeyString() != null && current instanceof MapValue
                    && current.asMap().containsKey(step.elementKeyString())) {
                current = current.asMap().get(step.elementKeyString());
            } else {
                return null;
            }
        }
        return current;
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
        for (BlockSchema.ListBlockSchema block : schema.blocks().values()) {
            CtyValue c = config.getAttr(block.name());
            CtyValue p = prior.isNull() ? CtyValue.nullOf(block.type()) : prior.getAttr(block.name());
            proposed.put(block.name(), proposedNewBlocks(block, p, c));
        }
        return proposed.build();
    }

    /** Blocks of a LIST block type correlated by index; a block without a prior block at its index is taken as configured. */
    private static CtyValue proposedNewBlocks(BlockSchema.ListBlockSchema block, CtyValue prior, CtyValue config) {
        if (!config.isKnown()) {
            return config;
        }
        List<CtyValue> configBlocks = config.isNull() ? List.of() : config.elements();
        List<CtyValue> proposed = new ArrayList<>();
        for (int i = 0; i < configBlocks.size(); i++) {
            CtyValue c = configBlocks.get(i);
            if (prior.isKnown() && (prior.isNull() || i >= prior.length())) {
                proposed.add(c);
                continue;
            }
            if (!prior.isKnown()) {
                proposed.add(c);
                continue;
            }
            CtyValue p = prior.elements().get(i);
            ObjectValue.Builder element = ObjectValue.builder(block.elementType());
            for (BlockSchema.AttributeSchema attribute : block.attributes().values()) {
                CtyValue ca = c.getAttr(attribute.name());
                element.put(attribute.name(), attribute.computed() && ca.isNull() ? p.getAttr(attribute.name()) : ca);
            }
            proposed.add(element.build());
        }
        return CtyValue.list(block.elementType(), proposed);
    }
}
