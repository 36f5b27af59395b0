package io.dashplane.provider.harness;

import java.util.List;
import java.util.Map;

/** Everything GetProviderSchema answered. */
public record ProviderSchemas(BlockSchema provider, Map<String, BlockSchema> resources,
                              Map<String, BlockSchema> dataSources, boolean planDestroy, List<Diag> diagnostics) {
    public BlockSchema resource(String typeName) {
        BlockSchema schema = resources.get(typeName);
        if (schema == null) {
            throw new IllegalArgumentException("the provider has no resource type " + typeName + "; it has " + resources.keySet());
        }
        return schema;
    }

    public BlockSchema dataSource(String typeName) {
        BlockSchema schema = dataSources.get(typeName);
        if (schema == null) {
            throw new IllegalArgumentException("the provider has no data source " + typeName + "; it has " + dataSources.keySet());
        }
        return schema;
    }
}
