package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyValue;

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
            if (configured.isPresent() && before != null && before.isPresent()
                    && attribute.semanticallyEqual(before, configured)) {
                planned = planned.with(name, before);
            } else if (configured.isNull() && attribute.defaultValue() != null) {
                planned = planned.with(name, attribute.defaultValue());
            } else if (configured.isNull() && attribute.isComputed()) {
                computedWithoutConfig.add(name);
                if (create) {
                    planned = planned.withUnknown(name);
                }
            }
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
        return consistent;
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
        return consistent;
    }

    /** Attributes (in schema order) whose result breaks a known planned value, for a clear error. */
    public static List<String> inconsistentWithPlan(Values planned, Values result) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CtyValue> entry : planned.toCty().attributes().entrySet()) {
            CtyValue plannedValue = entry.getValue();
            if (plannedValue.isWhollyKnown() && !plannedValue.equals(result.get(entry.getKey()))) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    private static boolean changes(Values planned, Values prior) {
        return !planned.toCty().equals(prior.toCty());
    }
}
