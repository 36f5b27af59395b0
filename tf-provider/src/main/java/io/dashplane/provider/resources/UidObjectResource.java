package io.dashplane.provider.resources;

import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Values;

/**
 * A resource for an alerting object addressed by uid: its type name, its schema, and create/read/update/delete/import
 * through {@link UidObjectCalls}; environment and id are planned like everywhere else.
 */
abstract class UidObjectResource implements Resource<ProviderData> {
    private final String typeName;
    private final Schema schema;
    private final UidObjectCalls calls;

    UidObjectResource(String typeName, Schema schema, UidObjectCalls calls) {
        this.typeName = typeName;
        this.schema = schema;
        this.calls = calls;
    }

    @Override
    public final String typeName() {
        return typeName;
    }

    @Override
    public final Schema schema() {
        return schema;
    }

    @Override
    public void modifyPlan(PlanContext<ProviderData> plan) {
        Common.planEnvironmentAndId(plan);
    }

    @Override
    public final Values create(Values planned, ResourceContext<ProviderData> context) {
        return calls.create(planned, context);
    }

    @Override
    public final Values read(Values state, ResourceContext<ProviderData> context) {
        return calls.read(state, context);
    }

    @Override
    public final Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        return calls.update(prior, planned, context);
    }

    @Override
    public final void delete(Values prior, ResourceContext<ProviderData> context) {
        calls.delete(prior, context);
    }

    @Override
    public final Values importState(String id, ResourceContext<ProviderData> context) {
        return calls.importState(id, context);
    }
}
