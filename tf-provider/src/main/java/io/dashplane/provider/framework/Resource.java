package io.dashplane.provider.framework;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A managed resource type: its schema plus create/read/update/delete/import on {@link Values}.
 * The framework does everything Terraform's plan and apply rules require around these methods
 * (see {@link PlanRules}). Methods report failures by throwing {@link ProviderException} or by adding
 * errors to {@code context.diagnostics()}. Implementations must be thread-safe (keep no per-call state).
 *
 * @param <P> the provider data returned by {@link ProviderDefinition#configure}
 */
public interface Resource<P> {
    /** E.g. {@code dashplane_folder}. */
    String typeName();

    Schema schema();

    /** Checks across attributes; per-attribute checks belong in {@link Attr#validate}. Values may be unknown. */
    default void validateConfig(Values config, Diagnostics diagnostics) {
    }

    /** Adjusts the plan after the framework's rules; not called for a destroy. */
    default void modifyPlan(PlanContext<P> plan) {
    }

    /** Creates the object; returns the complete new state (every attribute known). */
    Values create(Values planned, ResourceContext<P> context);

    /** The object's current state, or null when it no longer exists. */
    Values read(Values state, ResourceContext<P> context);

    /** Updates the object in place; returns the complete new state. */
    Values update(Values prior, Values planned, ResourceContext<P> context);

    void delete(Values prior, ResourceContext<P> context);

    /**
     * The state of an existing object for an import id (Terraform calls {@link #read} right after).
     * An object that does not exist must be an error.
     */
    Values importState(String id, ResourceContext<P> context);

    /**
     * Rewrites the JSON state written with schema {@code version} into the current schema's shape.
     * The default keeps it: attributes the schema no longer has are dropped and new ones are null.
     */
    default ObjectNode upgradeState(long version, ObjectNode rawState) {
        return rawState;
    }
}
