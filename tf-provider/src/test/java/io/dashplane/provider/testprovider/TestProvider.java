package io.dashplane.provider.testprovider;

import io.dashplane.provider.protocol.ApplyResourceChangeRequest;
import io.dashplane.provider.protocol.ApplyResourceChangeResponse;
import io.dashplane.provider.protocol.Attribute;
import io.dashplane.provider.protocol.AttributePath;
import io.dashplane.provider.protocol.Block;
import io.dashplane.provider.protocol.ConfigureProviderRequest;
import io.dashplane.provider.protocol.ConfigureProviderResponse;
import io.dashplane.provider.protocol.Diagnostic;
import io.dashplane.provider.protocol.GetMetadataResponse;
import io.dashplane.provider.protocol.GetProviderSchemaResponse;
import io.dashplane.provider.protocol.ImportResourceStateRequest;
import io.dashplane.provider.protocol.ImportResourceStateResponse;
import io.dashplane.provider.protocol.ImportedResource;
import io.dashplane.provider.protocol.NestedBlock;
import io.dashplane.provider.protocol.PlanResourceChangeRequest;
import io.dashplane.provider.protocol.PlanResourceChangeResponse;
import io.dashplane.provider.protocol.ProviderProtocol;
import io.dashplane.provider.protocol.ReadDataSourceRequest;
import io.dashplane.provider.protocol.ReadDataSourceResponse;
import io.dashplane.provider.protocol.ReadResourceRequest;
import io.dashplane.provider.protocol.ReadResourceResponse;
import io.dashplane.provider.protocol.Schema;
import io.dashplane.provider.protocol.ServerCapabilities;
import io.dashplane.provider.protocol.StopProviderResponse;
import io.dashplane.provider.protocol.UpgradeResourceStateRequest;
import io.dashplane.provider.protocol.UpgradeResourceStateResponse;
import io.dashplane.provider.protocol.ValidateDataResourceConfigRequest;
import io.dashplane.provider.protocol.ValidateProviderConfigRequest;
import io.dashplane.provider.protocol.ValidateResourceConfigRequest;
import io.dashplane.provider.protocol.ValidationResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Minimal provider for the host tests. It has no cty codec: values are echoed as opaque msgpack bytes, and a
 * few type names trigger the adapter paths under test (an exception, a vanished object, a warning).
 */
public final class TestProvider implements ProviderProtocol {
    public static final String THING = "dashplane_test_thing";
    public static final String INFO = "dashplane_test_info";
    /** Any call with this type name throws, to show exceptions become error diagnostics. */
    public static final String EXPLODE = "dashplane_test_explode";
    /** msgpack fixmap {"id": "imported"} is not schema-complete but is enough for the adapter tests. */
    static final byte[] IMPORTED_STATE = {(byte) 0x81, (byte) 0xa2, 'i', 'd', (byte) 0xa8,
            'i', 'm', 'p', 'o', 'r', 't', 'e', 'd'};

    private static byte[] type(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static Schema thingSchema() {
        Block rule = new Block(List.of(
                new Attribute("pattern", type("\"string\""), "what to match", true, false, false, false)),
                List.of(), "a rule");
        return new Schema(2, new Block(List.of(
                new Attribute("id", type("\"string\""), "server id", false, false, true, false),
                new Attribute("name", type("\"string\""), "display name", true, false, false, false),
                new Attribute("labels", type("[\"map\",\"string\"]"), "", false, true, false, false),
                new Attribute("secret", type("\"string\""), "", false, true, false, true)),
                List.of(new NestedBlock("rule", rule, NestedBlock.Nesting.LIST, 0, 2)),
                "a test thing"));
    }

    @Override
    public GetMetadataResponse getMetadata() {
        return new GetMetadataResponse(new ServerCapabilities(true, false), List.of(), List.of(THING), List.of(INFO));
    }

    @Override
    public GetProviderSchemaResponse getProviderSchema() {
        Schema provider = new Schema(0, new Block(List.of(
                new Attribute("url", type("\"string\""), "server URL", false, true, false, false),
                new Attribute("token", type("\"string\""), "API token", false, true, false, true)),
                List.of(), "test provider"));
        Schema info = new Schema(0, new Block(List.of(
                new Attribute("version", type("\"string\""), "", false, false, true, false)),
                List.of(new NestedBlock("filter", new Block(List.of(), List.of(), ""),
                        NestedBlock.Nesting.SINGLE, 0, 1)), ""));
        return new GetProviderSchemaResponse(provider, Map.of(THING, thingSchema()), Map.of(INFO, info), null,
                new ServerCapabilities(true, false), List.of(Diagnostic.warning("test provider", "for tests only")));
    }

    @Override
    public ValidationResponse validateProviderConfig(ValidateProviderConfigRequest request) {
        return ValidationResponse.OK;
    }

    @Override
    public ValidationResponse validateResourceConfig(ValidateResourceConfigRequest request) {
        explodeIf(request.typeName());
        if (request.config() == null) {
            return new ValidationResponse(List.of(Diagnostic.error("Missing configuration",
                    "no config was sent", AttributePath.of("rule").index(1).attribute("pattern"))));
        }
        return ValidationResponse.OK;
    }

    @Override
    public ValidationResponse validateDataResourceConfig(ValidateDataResourceConfigRequest request) {
        explodeIf(request.typeName());
        return ValidationResponse.OK;
    }

    @Override
    public UpgradeResourceStateResponse upgradeResourceState(UpgradeResourceStateRequest request) {
        explodeIf(request.typeName());
        // Echo the JSON bytes: enough to see raw_state.json arrive and upgraded_state leave.
        return new UpgradeResourceStateResponse(request.rawStateJson(), List.of());
    }

    @Override
    public ConfigureProviderResponse configureProvider(ConfigureProviderRequest request) {
        return new ConfigureProviderResponse(List.of(Diagnostic.warning("configured",
                "terraform " + request.terraformVersion(), AttributePath.of("labels").key("team"))));
    }

    @Override
    public ReadResourceResponse readResource(ReadResourceRequest request) {
        explodeIf(request.typeName());
        // The object is "gone": null new state, which must leave the field unset on the wire.
        return new ReadResourceResponse(null, request.privateState(), List.of());
    }

    @Override
    public PlanResourceChangeResponse planResourceChange(PlanResourceChangeRequest request) {
        explodeIf(request.typeName());
        return new PlanResourceChangeResponse(request.proposedNewState(), List.of(AttributePath.of("name")),
                request.priorPrivate(), List.of());
    }

    @Override
    public ApplyResourceChangeResponse applyResourceChange(ApplyResourceChangeRequest request) {
        explodeIf(request.typeName());
        return new ApplyResourceChangeResponse(request.plannedState(), "private".getBytes(StandardCharsets.UTF_8),
                List.of());
    }

    @Override
    public ImportResourceStateResponse importResourceState(ImportResourceStateRequest request) {
        explodeIf(request.typeName());
        return new ImportResourceStateResponse(List.of(new ImportedResource(request.typeName(), IMPORTED_STATE, null)),
                List.of());
    }

    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest request) {
        explodeIf(request.typeName());
        return new ReadDataSourceResponse(request.config(), List.of());
    }

    @Override
    public StopProviderResponse stopProvider() {
        return StopProviderResponse.OK;
    }

    private static void explodeIf(String typeName) {
        if (EXPLODE.equals(typeName)) {
            throw new IllegalStateException("boom for " + typeName);
        }
    }
}
