package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ListValue;
import io.dashplane.provider.cty.ObjectValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terraform's plan, apply and refresh rules, implemented once for every resource:
 * <ul>
 * <li>destroy (null proposed state) plans null;</li>
 * <li>configuration semantically equal to the prior value plans the prior value (no change shows);</li>
 * <li>a null configuration of an attribute with a default plans the default;</li>
 * <li>on create, computed attributes without configuration are unknown;</li>
 * <li>on update with any change, computed attributes without configuration become unknown unless they
 * keep their state ({@link Attr#useStateForUnknown()}) or the resource planned them itself;</li>
 * <li>a changed requires-replace attribute is reported as a replace path.</li>
 * </ul>
 * Nested blocks ({@link ListBlock}) are planned as configured: the same number of blocks, each block's
 * attributes planned like top-level ones against the prior block at the same position (Terraform pairs
 * list blocks by index); a computed nested attribute without configuration keeps the value of the prior
 * block at its position, or is unknown where there was none.
 * Everything here only sets values Terraform allows: config, prior (when config and prior are
 * non-null) or anything for computed attributes whose configuration is null.
 */
public final class PlanRules {
    private PlanRules() {
    }

    /** A planned state (null for a destroy) and the attribute paths whose change replaces the object. */
    public record Plan(Values planned, List<AttributePath> requiresReplace) {
        public Plan {
            requiresReplace = List.copyOf(requiresReplace);
        }
    }

    /**
     * Plans a change. {@code prior} is null on create, {@code proposed} null on destroy; {@code resource}
     * may be null (no resource-specific adjustments).
     */
    public static <P> Plan plan(Schema schema, Values prior, Values config, Values proposed,
                                Resource<P> resource, P provider, Diagnostics diagnostics) {
        if (proposed == null) {
            return new Plan(null, List.of());
        }
        boolean create = prior == null;
        Values planned = proposed;
        List<String> computedWithoutConfig = new ArrayList<>();
        for (Attr attribute : schema.attributes().values()) {
            String name = attribute.name();
            CtyValue configured = config.get(name);
            CtyValue before = create ? null : prior.get(name);
            CtyValue kept = keptOrDefault(attribute, configured, before);
            if (kept != null) {
                planned = planned.with(name, kept);
            } else if (configured.isNull() && attribute.isComputed()) {
                computedWithoutConfig.add(name);
                if (create) {
                    planned = planned.withUnknown(name);
                }
            }
        }
        for (ListBlock block : schema.blocks().values()) {
            planned = planned.with(block.name(), planBlocks(block, create ? null : prior.get(block.name()),
                    config.get(block.name())));
        }
        PlanContext<P> context = new PlanContext<>(config, prior, planned, provider, diagnostics);
        if (resource != null) {
            resource.modifyPlan(context);
        }
        planned = context.planned();
        List<AttributePath> replace = new ArrayList<>(context.replacePaths());
        if (!create) {
            if (changes(planned, prior)) {
                for (String name : computedWithoutConfig) {
                    if (!context.wasSetByResource(name) && !schema.attribute(name).isUseStateForUnknown()) {
                        planned = planned.withUnknown(name);
                    }
                }
            }
            for (Attr attribute : schema.attributes().values()) {
                AttributePath path = AttributePath.of(attribute.name());
                if (attribute.isRequiresReplace() && !planned.get(attribute.name()).equals(prior.get(attribute.name()))
                        && !replace.contains(path)) {
                    replace.add(path);
                }
            }
            for (ListBlock block : schema.blocks().values()) {
                for (AttributePath path : blockReplacePaths(block, prior.get(block.name()), planned.get(block.name()))) {
                    if (!replace.contains(path)) {
                        replace.add(path);
                    }
                }
            }
        }
        List<String> invalid = invalidPlanAttributes(schema, prior, config, planned);
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("the plan of " + (resource == null ? "a resource" : resource.typeName())
                    + " breaks Terraform's plan rules for " + String.join(", ", invalid));
        }
        return new Plan(planned, replace);
    }

    /**
     * Attributes whose planned value Terraform would reject: it must equal the configuration, or the
     * prior value when both are non-null, unless the attribute is computed and its configuration null
     * (or it is computed only).
     */
    public static List<String> invalidPlanAttributes(Schema schema, Values prior, Values config, Values planned) {
        List<String> invalid = new ArrayList<>();
        for (Attr attribute : schema.attributes().values()) {
            String name = attribute.name();
            CtyValue plannedValue = planned.get(name);
            CtyValue configValue = config.get(name);
            CtyValue priorValue = prior == null ? null : prior.get(name);
            boolean valid = plannedValue.equals(configValue)
                    || (priorValue != null && plannedValue.equals(priorValue) && !priorValue.isNull() && !configValue.isNull())
                    || (attribute.isComputed() && (!attribute.isOptional() || configValue.isNull()));
            if (!valid) {
                invalid.add(name);
            }
        }
        for (ListBlock block : schema.blocks().values()) {
            invalid.addAll(invalidBlocks(block, prior == null ? null : prior.get(block.name()),
                    config.get(block.name()), planned.get(block.name())));
        }
        return invalid;
    }

    private static CtyValue planBlocks(ListBlock block, CtyValue prior, CtyValue config) {
        if (!config.isKnown()) {
            // a dynamic block whose for_each is unknown: only Terraform may expand it
            return config;
        }
        List<CtyValue> priorBlocks = prior == null || !prior.isKnown() || prior.isNull() ? List.of() : prior.elements();
        List<CtyValue> configBlocks = config.isNull() ? List.of() : config.elements();
        List<CtyValue> planned = new ArrayList<>(configBlocks.size());
        for (int i = 0; i < configBlocks.size(); i++) {
            planned.add(planBlock(block, i < priorBlocks.size() ? priorBlocks.get(i) : null, configBlocks.get(i)));
        }
        return CtyValue.list(block.elementType(), planned);
    }

    /**
     * The prior value when the configuration is semantically equal to it (so no spelling-only diff), the default
     * when the configuration is null, otherwise null (the proposed value stands).
     */
    private static CtyValue keptOrDefault(Attr attribute, CtyValue configured, CtyValue before) {
        if (configured.isPresent() && before != null && before.isPresent() && attribute.semanticallyEqual(before, configured)) {
            return before;
        }
        if (configured.isNull() && attribute.defaultValue() != null) {
            return attribute.defaultValue();
        }
        return null;
    }

    private static CtyValue planBlock(ListBlock block, CtyValue prior, CtyValue config) {
        Values planned = new Values((ObjectValue) config);
        for (Attr attribute : block.attributes().values()) {
            String name = attribute.name();
            CtyValue configured = config.getAttr(name);
            CtyValue before = prior == null ? null : prior.getAttr(name);
            CtyValue kept = keptOrDefault(attribute, configured, before);
            if (kept != null) {
                planned = planned.with(name, kept);
            } else if (configured.isNull() && attribute.isComputed()) {
                planned = before == null ? planned.withUnknown(name) : planned.with(name, before);
            }
        }
        return planned.toCty();
    }

    private static List<AttributePath> blockReplacePaths(ListBlock block, CtyValue prior, CtyValue planned) {
        List<AttributePath> paths = new ArrayList<>();
        if (!prior.isKnown() || prior.isNull() || !planned.isKnown() || planned.isNull()) {
            return paths;
        }
        List<CtyValue> before = prior.elements();
        List<CtyValue> after = planned.elements();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            for (Attr attribute : block.attributes().values()) {
                if (attribute.isRequiresReplace()
                        && !after.get(i).getAttr(attribute.name()).equals(before.get(i).getAttr(attribute.name()))) {
                    paths.add(AttributePath.of(block.name()).index(i).attr(attribute.name()));
                }
            }
        }
        return paths;
    }

    /** Terraform's checks of a planned block list: as many blocks as configured, each attribute as for top-level ones. */
    private static List<String> invalidBlocks(ListBlock block, CtyValue prior, CtyValue config, CtyValue planned) {
        String name = block.name();
        if (planned.equals(config)) {
            return List.of();
        }
        if (!config.isKnown() || !planned.isKnown() || planned.isNull()) {
            return List.of(name + " (a block list may only be unknown where the configuration is)");
        }
        List<CtyValue> configBlocks = config.isNull() ? List.of() : config.elements();
        List<CtyValue> plannedBlocks = planned.elements();
        if (configBlocks.size() != plannedBlocks.size()) {
            return List.of(name + " (block count " + plannedBlocks.size() + " disagrees with " + configBlocks.size()
                    + " in the configuration)");
        }
        List<CtyValue> priorBlocks = prior == null || !prior.isKnown() || prior.isNull() ? List.of() : prior.elements();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < plannedBlocks.size(); i++) {
            CtyValue plannedBlock = plannedBlocks.get(i);
            if (!plannedBlock.isKnown() || plannedBlock.isNull()) {
                invalid.add(name + "[" + i + "] (a block must be known and not null)");
                continue;
            }
            CtyValue priorBlock = i < priorBlocks.size() ? priorBlocks.get(i) : null;
            for (Attr attribute : block.attributes().values()) {
                CtyValue plannedValue = plannedBlock.getAttr(attribute.name());
                CtyValue configValue = configBlocks.get(i).getAttr(attribute.name());
                CtyValue priorValue = priorBlock == null ? null : priorBlock.getAttr(attribute.name());
                boolean valid = plannedValue.equals(configValue)
                        || (priorValue != null && plannedValue.equals(priorValue) && !priorValue.isNull() && !configValue.isNull())
                        || (attribute.isComputed() && (!attribute.isOptional() || configValue.isNull()));
                if (!valid) {
                    invalid.add(name + "[" + i + "]." + attribute.name());
                }
            }
        }
        return invalid;
    }

    /**
     * The state after apply, made consistent with the plan: where the resource returned a value that
     * is semantically equal to a known planned value, the planned value is kept (Terraform requires
     * every known planned value to survive apply unchanged).
     */
    public static Values afterApply(Schema schema, Values planned, Values result) {
        Values consistent = result;
        for (Attr attribute : schema.attributes().values()) {
            String name = attribute.name();
            CtyValue plannedValue = planned.get(name);
            CtyValue resultValue = result.get(name);
            if (plannedValue.isPresent() && resultValue.isPresent() && !plannedValue.equals(resultValue)
                    && attribute.semanticallyEqual(plannedValue, resultValue)) {
                consistent = consistent.with(name, plannedValue);
            }
        }
        for (ListBlock block : schema.blocks().values()) {
            consistent = consistent.with(block.name(), keepEqualBlockValues(block, planned.get(block.name()),
                    consistent.get(block.name()), false));
        }
        return consistent;
    }

    /**
     * Per block at the same position, attributes whose result is semantically equal to the reference
     * (planned or prior) value keep the reference value; {@code declaredOnly}: only attributes that declare
     * a semantic equality (on refresh, plain differences are real drift).
     */
    private static CtyValue keepEqualBlockValues(ListBlock block, CtyValue reference, CtyValue result, boolean declaredOnly) {
        if (!reference.isKnown() || reference.isNull() || !result.isKnown() || result.isNull()) {
            return result;
        }
        List<CtyValue> before = reference.elements();
        List<CtyValue> after = result.elements();
        List<CtyValue> kept = new ArrayList<>(after.size());
        for (int i = 0; i < after.size(); i++) {
            CtyValue element = after.get(i);
            if (i < before.size() && before.get(i).isKnown() && !before.get(i).isNull() && element.isPresent()) {
                Values values = new Values((ObjectValue) element);
                for (Attr attribute : block.attributes().values()) {
                    CtyValue was = before.get(i).getAttr(attribute.name());
                    CtyValue now = element.getAttr(attribute.name());
                    if ((!declaredOnly || attribute.semanticEquality() != null) && was.isPresent() && now.isPresent()
                            && !was.equals(now) && attribute.semanticallyEqual(was, now)) {
                        values = values.with(attribute.name(), was);
                    }
                }
                element = values.toCty();
            }
            kept.add(element);
        }
        return CtyValue.list(block.elementType(), kept);
    }

    /** The state after refresh: attributes whose new value is semantically equal to the prior keep the prior text. */
    public static Values afterRead(Schema schema, Values prior, Values result) {
        Values consistent = result;
        for (Attr attribute : schema.attributes().values()) {
            String name = attribute.name();
            CtyValue before = prior.get(name);
            CtyValue now = result.get(name);
            if (attribute.semanticEquality() != null && before.isPresent() && now.isPresent()
                    && !before.equals(now) && attribute.semanticallyEqual(before, now)) {
                consistent = consistent.with(name, before);
            }
        }
        for (ListBlock block : schema.blocks().values()) {
            consistent = consistent.with(block.name(), keepEqualBlockValues(block, prior.get(block.name()),
                    consistent.get(block.name()), true));
        }
        return consistent;
    }

    /** Attribute paths (in schema order) whose result breaks a known planned value, for a clear error. */
    public static List<String> inconsistentWithPlan(Values planned, Values result) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CtyValue> entry : planned.toCty().attributes().entrySet()) {
            inconsistent(entry.getKey(), entry.getValue(), result.get(entry.getKey()), names);
        }
        return names;
    }

    private static void inconsistent(String path, CtyValue planned, CtyValue result, List<String> paths) {
        if (planned.isWhollyKnown()) {
            if (!planned.equals(result)) {
                paths.add(path);
            }
        } else if (planned.isKnown() && !planned.isNull() && planned instanceof ListValue && result.isPresent()) {
            List<CtyValue> before = planned.elements();
            List<CtyValue> after = result.elements();
            if (before.size() != after.size()) {
                paths.add(path);
                return;
            }
            for (int i = 0; i < before.size(); i++) {
                inconsistent(path + "[" + i + "]", before.get(i), after.get(i), paths);
            }
        } else if (planned.isKnown() && !planned.isNull() && planned instanceof ObjectValue object && result.isPresent()) {
            object.attributes().forEach((name, value) -> inconsistent(path + "." + name, value, result.getAttr(name), paths));
        }
    }

    private static boolean changes(Values planned, Values prior) {
        return !planned.toCty().equals(prior.toCty());
    }
}
