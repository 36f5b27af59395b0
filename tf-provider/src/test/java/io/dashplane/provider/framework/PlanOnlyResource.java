package io.dashplane.provider.framework;

/** A resource for plan-rule tests: a type name and a schema; its create/read/update/delete/import are never reached. */
class PlanOnlyResource implements Resource<Object> {
    private final String typeName;
    private final Schema schema;

    PlanOnlyResource(String typeName, Schema schema) {
        this.typeName = typeName;
        this.schema = schema;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Values create(Values planned, ResourceContext<Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Values read(Values state, ResourceContext<Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(Values prior, ResourceContext<Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Values importState(String id, ResourceContext<Object> context) {
        throw new UnsupportedOperationException();
    }
}
