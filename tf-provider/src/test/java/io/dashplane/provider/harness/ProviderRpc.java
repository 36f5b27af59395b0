package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import java.util.List;

/**
 * The provider RPCs Terraform core calls, with protocol-neutral arguments and answers. Values cross
 * as msgpack DynamicValues; answers are decoded strictly against the schema type (a missing or extra
 * attribute fails the call, as it does in Terraform). {@link #forProtocol} picks the v5 or v6 stubs.
 */
public interface ProviderRpc {
    int protocol();

    ProviderSchemas getSchema();

    /** ValidateProviderConfig (v6) or PrepareProviderConfig (v5). */
    List<Diag> validateProviderConfig(CtyValue config, ObjectType type);

    List<Diag> validateResourceConfig(String typeName, CtyValue config, ObjectType type);

    List<Diag> validateDataSourceConfig(String typeName, CtyValue config, ObjectType type);

    List<Diag> configure(String terraformVersion, CtyValue config, ObjectType type);

    record Upgraded(CtyValue state, List<Diag> diagnostics) {
    }

    Upgraded upgradeResourceState(String typeName, long version, byte[] rawStateJson, ObjectType type);

    record Read(CtyValue newState, byte[] privateData, List<Diag> diagnostics) {
    }

    Read readResource(String typeName, CtyValue currentState, byte[] privateData, ObjectType type);

    record Planned(CtyValue plannedState, List<List<Diag.Step>> requiresReplace, byte[] plannedPrivate,
                   List<Diag> diagnostics, boolean legacyTypeSystem) {
    }

    Planned planResourceChange(String typeName, CtyValue prior, CtyValue proposed, CtyValue config,
                               byte[] priorPrivate, ObjectType type);

    record Applied(CtyValue newState, byte[] privateData, List<Diag> diagnostics, boolean legacyTypeSystem) {
    }

    Applied applyResourceChange(String typeName, CtyValue prior, CtyValue planned, CtyValue config,
                                byte[] plannedPrivate, ObjectType type);

    record ImportedResource(String typeName, byte[] stateMsgpack, byte[] privateData) {
    }

    record Imported(List<ImportedResource> resources, List<Diag> diagnostics) {
    }

    Imported importResourceState(String typeName, String id);

    record DataRead(CtyValue state, List<Diag> diagnostics) {
    }

    DataRead readDataSource(String typeName, CtyValue config, ObjectType type);

    /** StopProvider (v6) / Stop (v5): the error text, empty when none. */
    String stop();

    static ProviderRpc forProtocol(PluginProcess plugin) {
        return switch (plugin.handshake().protocolVersion()) {
            case 5 -> new ProviderRpc5(plugin);
            case 6 -> new ProviderRpc6(plugin);
            default -> throw new IllegalStateException("unexpected protocol " + plugin.handshake().protocolVersion());
        };
    }
}
