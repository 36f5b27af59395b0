package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The plan of one resource while {@link Resource#modifyPlan} adjusts it. The framework's rules have
 * already run (semantic equality, defaults, unknown computed values on create); after the hook it
 * decides which computed attributes become unknown because the object changes (those the hook did not
 * set) and which attribute changes require replacement.
 */
public final class PlanContext<P> {
    private final Values config;
    private final Values prior;
    private Values planned;
    private final P provider;
    private final Diagnostics diagnostics;
    private final Set<String> setByResource = new HashSet<>();
    private final List<AttributePath> replacePaths = new ArrayList<>();

    PlanContext(Values config, Values prior, Values planned, P provider, Diagnostics diagnostics) {
        this.config = config;
        this.prior = prior;
        this.planned = planned;
        this.provider = provider;
        this.diagnostics = diagnostics;
    }

    public Values config() {
        return config;
    }

    /** Null when the object is being created. */
    public Values prior() {
        return prior;
    }

    public boolean isCreate() {
        return prior == null;
    }

    public Values planned() {
        return planned;
    }

    /** Plans {@code value} for the attribute; the framework leaves it as set. */
    public void set(String attribute, CtyValue value) {
        planned = planned.with(attribute, value);
        setByResource.add(attribute);
    }

    public void set(String attribute, String value) {
        planned = planned.with(attribute, value);
        setByResource.add(attribute);
    }

    /** Plans the blocks of a nested block type; there must be as many as the configuration has. */
    public void setBlocks(String block, List<Values> blocks) {
        planned = planned.withBlocks(block, blocks);
        setByResource.add(block);
    }

    public void setUnknown(String attribute) {
        planned = planned.withUnknown(attribute);
        setByResource.add(attribute);
    }

    /** Keeps the prior value (or unknown on create). */
    public void keepPrior(String attribute) {
        if (prior == null) {
            setUnknown(attribute);
        } else {
            set(attribute, prior.get(attribute));
        }
    }

    /** Reports that the planned change of this attribute replaces the object. */
    public void requireReplace(String attribute) {
        AttributePath path = AttributePath.of(attribute);
        if (!replacePaths.contains(path)) {
            replacePaths.add(path);
        }
    }

    /** The configured provider data, or null when the provider configuration is not known yet. */
    public P providerOrNull() {
        return provider;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    boolean wasSetByResource(String attribute) {
        return setByResource.contains(attribute);
    }

    List<AttributePath> replacePaths() {
        return replacePaths;
    }
}
