package io.dashplane.provider.protocol;

/**
 * What a provider implements, independent of the plugin protocol major version: the gRPC services for
 * tfplugin5 and tfplugin6 both translate onto this interface. Values are msgpack-encoded cty values
 * ({@code byte[]}, null = unset). Implementations must be thread-safe: the client calls concurrently.
 * An exception thrown from any method reaches the user as an error diagnostic.
 */
public interface ProviderProtocol {
    GetMetadataResponse getMetadata();

    GetProviderSchemaResponse getProviderSchema();

    ValidationResponse validateProviderConfig(ValidateProviderConfigRequest request);

    ValidationResponse validateResourceConfig(ValidateResourceConfigRequest request);

    ValidationResponse validateDataResourceConfig(ValidateDataResourceConfigRequest request);

    UpgradeResourceStateResponse upgradeResourceState(UpgradeResourceStateRequest request);

    ConfigureProviderResponse configureProvider(ConfigureProviderRequest request);

    ReadResourceResponse readResource(ReadResourceRequest request);

    PlanResourceChangeResponse planResourceChange(PlanResourceChangeRequest request);

    ApplyResourceChangeResponse applyResourceChange(ApplyResourceChangeRequest request);

    ImportResourceStateResponse importResourceState(ImportResourceStateRequest request);

    ReadDataSourceResponse readDataSource(ReadDataSourceRequest request);

    /** Cancel in-flight work; called by the client on Ctrl-C. */
    StopProviderResponse stopProvider();
}
