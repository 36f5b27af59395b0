package io.dashplane.provider.protocol;

import com.google.protobuf.ByteString;
import io.dashplane.provider.tfplugin6.ApplyResourceChange;
import io.dashplane.provider.tfplugin6.ConfigureProvider;
import io.dashplane.provider.tfplugin6.DynamicValue;
import io.dashplane.provider.tfplugin6.GetMetadata;
import io.dashplane.provider.tfplugin6.GetProviderSchema;
import io.dashplane.provider.tfplugin6.ImportResourceState;
import io.dashplane.provider.tfplugin6.PlanResourceChange;
import io.dashplane.provider.tfplugin6.ProviderGrpc;
import io.dashplane.provider.tfplugin6.ReadDataSource;
import io.dashplane.provider.tfplugin6.ReadResource;
import io.dashplane.provider.tfplugin6.StopProvider;
import io.dashplane.provider.tfplugin6.UpgradeResourceState;
import io.dashplane.provider.tfplugin6.ValidateDataResourceConfig;
import io.dashplane.provider.tfplugin6.ValidateProviderConfig;
import io.dashplane.provider.tfplugin6.ValidateResourceConfig;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * tfplugin6.Provider on top of {@link ProviderProtocol}. RPCs not overridden here (functions, ephemeral and
 * list resources, resource identity, state stores, actions, ...) answer UNIMPLEMENTED.
 */
public final class Tfplugin6ProviderService extends ProviderGrpc.ProviderImplBase {
    private final Supplier<ProviderProtocol> provider;

    public Tfplugin6ProviderService(Supplier<ProviderProtocol> provider) {
        this.provider = provider;
    }

    @Override
    public void getMetadata(GetMetadata.Request request, StreamObserver<GetMetadata.Response> out) {
        reply(out, ProviderCalls.guarded("GetMetadata", () -> {
            GetMetadataResponse r = provider.get().getMetadata();
            GetMetadata.Response.Builder b = GetMetadata.Response.newBuilder()
                    .setServerCapabilities(capabilities(r.capabilities()))
                    .addAllDiagnostics(diagnostics(r.diagnostics()));
            r.resources().forEach(t -> b.addResources(GetMetadata.ResourceMetadata.newBuilder().setTypeName(t)));
            r.dataSources().forEach(t -> b.addDataSources(GetMetadata.DataSourceMetadata.newBuilder().setTypeName(t)));
            return b.build();
        }, d -> GetMetadata.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void getProviderSchema(GetProviderSchema.Request request, StreamObserver<GetProviderSchema.Response> out) {
        reply(out, ProviderCalls.guarded("GetProviderSchema", () -> {
            GetProviderSchemaResponse r = provider.get().getProviderSchema();
            GetProviderSchema.Response.Builder b = GetProviderSchema.Response.newBuilder()
                    .setServerCapabilities(capabilities(r.capabilities()))
                    .addAllDiagnostics(diagnostics(r.diagnostics()));
            if (r.provider() != null) {
                b.setProvider(schema(r.provider()));
            }
            if (r.providerMeta() != null) {
                b.setProviderMeta(schema(r.providerMeta()));
            }
            for (Map.Entry<String, Schema> e : r.resourceSchemas().entrySet()) {
                b.putResourceSchemas(e.getKey(), schema(e.getValue()));
            }
            for (Map.Entry<String, Schema> e : r.dataSourceSchemas().entrySet()) {
                b.putDataSourceSchemas(e.getKey(), schema(e.getValue()));
            }
            return b.build();
        }, d -> GetProviderSchema.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void validateProviderConfig(ValidateProviderConfig.Request request,
                                       StreamObserver<ValidateProviderConfig.Response> out) {
        reply(out, ProviderCalls.guarded("ValidateProviderConfig", () -> {
            ValidationResponse r = provider.get().validateProviderConfig(
                    new ValidateProviderConfigRequest(value(request.hasConfig(), request.getConfig())));
            return ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void validateResourceConfig(ValidateResourceConfig.Request request,
                                       StreamObserver<ValidateResourceConfig.Response> out) {
        reply(out, ProviderCalls.guarded("ValidateResourceConfig", () -> {
            ValidationResponse r = provider.get().validateResourceConfig(new ValidateResourceConfigRequest(
                    request.getTypeName(), value(request.hasConfig(), request.getConfig())));
            return ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void validateDataResourceConfig(ValidateDataResourceConfig.Request request,
                                           StreamObserver<ValidateDataResourceConfig.Response> out) {
        reply(out, ProviderCalls.guarded("ValidateDataResourceConfig", () -> {
            ValidationResponse r = provider.get().validateDataResourceConfig(new ValidateDataResourceConfigRequest(
                    request.getTypeName(), value(request.hasConfig(), request.getConfig())));
            return ValidateDataResourceConfig.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void upgradeResourceState(UpgradeResourceState.Request request,
                                     StreamObserver<UpgradeResourceState.Response> out) {
        reply(out, ProviderCalls.guarded("UpgradeResourceState", () -> {
            byte[] json = request.hasRawState() && !request.getRawState().getJson().isEmpty()
                    ? request.getRawState().getJson().toByteArray() : null;
            UpgradeResourceStateResponse r = provider.get().upgradeResourceState(
                    new UpgradeResourceStateRequest(request.getTypeName(), request.getVersion(), json));
            UpgradeResourceState.Response.Builder b = UpgradeResourceState.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()));
            DynamicValue state = dynamicValue(r.upgradedState());
            if (state != null) {
                b.setUpgradedState(state);
            }
            return b.build();
        }, d -> UpgradeResourceState.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void configureProvider(ConfigureProvider.Request request, StreamObserver<ConfigureProvider.Response> out) {
        reply(out, ProviderCalls.guarded("ConfigureProvider", () -> {
            ConfigureProviderResponse r = provider.get().configureProvider(new ConfigureProviderRequest(
                    request.getTerraformVersion(), value(request.hasConfig(), request.getConfig())));
            return ConfigureProvider.Response.newBuilder().addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> ConfigureProvider.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void readResource(ReadResource.Request request, StreamObserver<ReadResource.Response> out) {
        reply(out, ProviderCalls.guarded("ReadResource", () -> {
            ReadResourceResponse r = provider.get().readResource(new ReadResourceRequest(request.getTypeName(),
                    value(request.hasCurrentState(), request.getCurrentState()), request.getPrivate().toByteArray(),
                    value(request.hasProviderMeta(), request.getProviderMeta())));
            ReadResource.Response.Builder b = ReadResource.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()))
                    .setPrivate(bytes(r.privateState()));
            DynamicValue state = dynamicValue(r.newState());
            if (state != null) {
                b.setNewState(state);
            }
            return b.build();
        }, d -> ReadResource.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void planResourceChange(PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> out) {
        reply(out, ProviderCalls.guarded("PlanResourceChange", () -> {
            PlanResourceChangeResponse r = provider.get().planResourceChange(new PlanResourceChangeRequest(
                    request.getTypeName(), value(request.hasPriorState(), request.getPriorState()),
                    value(request.hasProposedNewState(), request.getProposedNewState()),
                    value(request.hasConfig(), request.getConfig()), request.getPriorPrivate().toByteArray(),
                    value(request.hasProviderMeta(), request.getProviderMeta())));
            PlanResourceChange.Response.Builder b = PlanResourceChange.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()))
                    .setPlannedPrivate(bytes(r.plannedPrivate()));
            r.requiresReplace().forEach(p -> b.addRequiresReplace(path(p)));
            DynamicValue planned = dynamicValue(r.plannedState());
            if (planned != null) {
                b.setPlannedState(planned);
            }
            return b.build();
        }, d -> PlanResourceChange.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void applyResourceChange(ApplyResourceChange.Request request,
                                    StreamObserver<ApplyResourceChange.Response> out) {
        reply(out, ProviderCalls.guarded("ApplyResourceChange", () -> {
            ApplyResourceChangeResponse r = provider.get().applyResourceChange(new ApplyResourceChangeRequest(
                    request.getTypeName(), value(request.hasPriorState(), request.getPriorState()),
                    value(request.hasPlannedState(), request.getPlannedState()),
                    value(request.hasConfig(), request.getConfig()), request.getPlannedPrivate().toByteArray(),
                    value(request.hasProviderMeta(), request.getProviderMeta())));
            ApplyResourceChange.Response.Builder b = ApplyResourceChange.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()))
                    .setPrivate(bytes(r.privateState()));
            DynamicValue state = dynamicValue(r.newState());
            if (state != null) {
                b.setNewState(state);
            }
            return b.build();
        }, d -> ApplyResourceChange.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void importResourceState(ImportResourceState.Request request,
                                    StreamObserver<ImportResourceState.Response> out) {
        reply(out, ProviderCalls.guarded("ImportResourceState", () -> {
            ImportResourceStateResponse r = provider.get().importResourceState(
                    new ImportResourceStateRequest(request.getTypeName(), request.getId()));
            ImportResourceState.Response.Builder b = ImportResourceState.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()));
            for (ImportedResource imported : r.importedResources()) {
                ImportResourceState.ImportedResource.Builder ib = ImportResourceState.ImportedResource.newBuilder()
                        .setTypeName(imported.typeName()).setPrivate(bytes(imported.privateState()));
                DynamicValue state = dynamicValue(imported.state());
                if (state != null) {
                    ib.setState(state);
                }
                b.addImportedResources(ib);
            }
            return b.build();
        }, d -> ImportResourceState.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void readDataSource(ReadDataSource.Request request, StreamObserver<ReadDataSource.Response> out) {
        reply(out, ProviderCalls.guarded("ReadDataSource", () -> {
            ReadDataSourceResponse r = provider.get().readDataSource(new ReadDataSourceRequest(request.getTypeName(),
                    value(request.hasConfig(), request.getConfig()),
                    value(request.hasProviderMeta(), request.getProviderMeta())));
            ReadDataSource.Response.Builder b = ReadDataSource.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()));
            DynamicValue state = dynamicValue(r.state());
            if (state != null) {
                b.setState(state);
            }
            return b.build();
        }, d -> ReadDataSource.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void stopProvider(StopProvider.Request request, StreamObserver<StopProvider.Response> out) {
        reply(out, ProviderCalls.guarded("StopProvider", () -> {
            StopProviderResponse r = provider.get().stopProvider();
            return StopProvider.Response.newBuilder().setError(r.error() == null ? "" : r.error()).build();
        }, d -> StopProvider.Response.newBuilder().setError(d.get(0).detail()).build()));
    }

    private static <T> void reply(StreamObserver<T> out, T response) {
        out.onNext(response);
        out.onCompleted();
    }

    /** A request DynamicValue as msgpack bytes; null when the field is unset or empty. */
    private static byte[] value(boolean present, DynamicValue v) {
        return present && !v.getMsgpack().isEmpty() ? v.getMsgpack().toByteArray() : null;
    }

    /** Null for null or empty bytes: a set DynamicValue with empty bytes breaks older clients. */
    private static DynamicValue dynamicValue(byte[] msgpack) {
        return msgpack == null || msgpack.length == 0 ? null
                : DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(msgpack)).build();
    }

    private static ByteString bytes(byte[] b) {
        return b == null ? ByteString.EMPTY : ByteString.copyFrom(b);
    }

    private static io.dashplane.provider.tfplugin6.ServerCapabilities capabilities(ServerCapabilities c) {
        return io.dashplane.provider.tfplugin6.ServerCapabilities.newBuilder()
                .setPlanDestroy(c.planDestroy())
                .setGetProviderSchemaOptional(c.getProviderSchemaOptional())
                .build();
    }

    static List<io.dashplane.provider.tfplugin6.Diagnostic> diagnostics(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Tfplugin6ProviderService::diagnostic).toList();
    }

    private static io.dashplane.provider.tfplugin6.Diagnostic diagnostic(Diagnostic d) {
        io.dashplane.provider.tfplugin6.Diagnostic.Builder b = io.dashplane.provider.tfplugin6.Diagnostic.newBuilder()
                .setSeverity(d.severity() == Diagnostic.Severity.WARNING
                        ? io.dashplane.provider.tfplugin6.Diagnostic.Severity.WARNING
                        : io.dashplane.provider.tfplugin6.Diagnostic.Severity.ERROR)
                .setSummary(d.summary())
                .setDetail(d.detail());
        if (d.attribute() != null && !d.attribute().steps().isEmpty()) {
            b.setAttribute(path(d.attribute()));
        }
        return b.build();
    }

    private static io.dashplane.provider.tfplugin6.AttributePath path(AttributePath path) {
        io.dashplane.provider.tfplugin6.AttributePath.Builder b = io.dashplane.provider.tfplugin6.AttributePath.newBuilder();
        for (AttributePath.Step step : path.steps()) {
            io.dashplane.provider.tfplugin6.AttributePath.Step.Builder s =
                    io.dashplane.provider.tfplugin6.AttributePath.Step.newBuilder();
            if (step instanceof AttributePath.AttributeName a) {
                s.setAttributeName(a.name());
            } else if (step instanceof AttributePath.StringKey k) {
                s.setElementKeyString(k.key());
            } else if (step instanceof AttributePath.IntIndex i) {
                s.setElementKeyInt(i.index());
            }
            b.addSteps(s);
        }
        return b.build();
    }

    private static io.dashplane.provider.tfplugin6.Schema schema(Schema s) {
        return io.dashplane.provider.tfplugin6.Schema.newBuilder().setVersion(s.version()).setBlock(block(s.block())).build();
    }

    private static io.dashplane.provider.tfplugin6.Schema.Block block(Block block) {
        io.dashplane.provider.tfplugin6.Schema.Block.Builder b = io.dashplane.provider.tfplugin6.Schema.Block.newBuilder()
                .setDescription(block.description());
        for (Attribute a : block.attributes()) {
            b.addAttributes(io.dashplane.provider.tfplugin6.Schema.Attribute.newBuilder()
                    .setName(a.name())
                    .setType(ByteString.copyFrom(a.typeJson()))
                    .setDescription(a.description())
                    .setRequired(a.required())
                    .setOptional(a.optional())
                    .setComputed(a.computed())
                    .setSensitive(a.sensitive()));
        }
        for (NestedBlock nb : block.blockTypes()) {
            b.addBlockTypes(io.dashplane.provider.tfplugin6.Schema.NestedBlock.newBuilder()
                    .setTypeName(nb.typeName())
                    .setBlock(block(nb.block()))
                    .setNesting(io.dashplane.provider.tfplugin6.Schema.NestedBlock.NestingMode.valueOf(nb.nesting().name()))
                    .setMinItems(nb.minItems())
                    .setMaxItems(nb.maxItems()));
        }
        return b.build();
    }
}
