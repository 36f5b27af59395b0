package io.dashplane.provider.protocol;

import com.google.protobuf.ByteString;
import io.dashplane.provider.tfplugin5.ApplyResourceChange;
import io.dashplane.provider.tfplugin5.Configure;
import io.dashplane.provider.tfplugin5.DynamicValue;
import io.dashplane.provider.tfplugin5.GetMetadata;
import io.dashplane.provider.tfplugin5.GetProviderSchema;
import io.dashplane.provider.tfplugin5.ImportResourceState;
import io.dashplane.provider.tfplugin5.PlanResourceChange;
import io.dashplane.provider.tfplugin5.ProviderGrpc;
import io.dashplane.provider.tfplugin5.ReadDataSource;
import io.dashplane.provider.tfplugin5.ReadResource;
import io.dashplane.provider.tfplugin5.Stop;
import io.dashplane.provider.tfplugin5.UpgradeResourceState;
import io.dashplane.provider.tfplugin5.ValidateDataSourceConfig;
import io.dashplane.provider.tfplugin5.PrepareProviderConfig;
import io.dashplane.provider.tfplugin5.ValidateResourceTypeConfig;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * tfplugin5.Provider (Terraform 0.12+) on top of {@link ProviderProtocol}: GetSchema, PrepareProviderConfig,
 * ValidateResourceTypeConfig, ValidateDataSourceConfig, Configure and Stop are the protocol 5 names of the
 * tfplugin6 calls. RPCs not overridden here (functions, ephemeral and list resources, resource identity,
 * actions, ...) answer UNIMPLEMENTED.
 */
public final class Tfplugin5ProviderService extends ProviderGrpc.ProviderImplBase {
    private final Supplier<ProviderProtocol> provider;

    public Tfplugin5ProviderService(Supplier<ProviderProtocol> provider) {
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
    public void getSchema(GetProviderSchema.Request request, StreamObserver<GetProviderSchema.Response> out) {
        reply(out, ProviderCalls.guarded("GetSchema", () -> {
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

    /** Protocol 5's ValidateProviderConfig; the configuration is returned unchanged as the prepared one. */
    @Override
    public void prepareProviderConfig(PrepareProviderConfig.Request request,
                                      StreamObserver<PrepareProviderConfig.Response> out) {
        reply(out, ProviderCalls.guarded("PrepareProviderConfig", () -> {
            byte[] config = value(request.hasConfig(), request.getConfig());
            ValidationResponse r = provider.get().validateProviderConfig(new ValidateProviderConfigRequest(config));
            PrepareProviderConfig.Response.Builder b = PrepareProviderConfig.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics()));
            DynamicValue prepared = dynamicValue(config);
            if (prepared != null) {
                b.setPreparedConfig(prepared);
            }
            return b.build();
        }, d -> PrepareProviderConfig.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void validateResourceTypeConfig(ValidateResourceTypeConfig.Request request,
                                       StreamObserver<ValidateResourceTypeConfig.Response> out) {
        reply(out, ProviderCalls.guarded("ValidateResourceTypeConfig", () -> {
            ValidationResponse r = provider.get().validateResourceConfig(new ValidateResourceConfigRequest(
                    request.getTypeName(), value(request.hasConfig(), request.getConfig())));
            return ValidateResourceTypeConfig.Response.newBuilder().addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> ValidateResourceTypeConfig.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
    }

    @Override
    public void validateDataSourceConfig(ValidateDataSourceConfig.Request request,
                                           StreamObserver<ValidateDataSourceConfig.Response> out) {
        reply(out, ProviderCalls.guarded("ValidateDataSourceConfig", () -> {
            ValidationResponse r = provider.get().validateDataResourceConfig(new ValidateDataResourceConfigRequest(
                    request.getTypeName(), value(request.hasConfig(), request.getConfig())));
            return ValidateDataSourceConfig.Response.newBuilder()
                    .addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> ValidateDataSourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
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
    public void configure(Configure.Request request, StreamObserver<Configure.Response> out) {
        reply(out, ProviderCalls.guarded("Configure", () -> {
            ConfigureProviderResponse r = provider.get().configureProvider(new ConfigureProviderRequest(
                    request.getTerraformVersion(), value(request.hasConfig(), request.getConfig())));
            return Configure.Response.newBuilder().addAllDiagnostics(diagnostics(r.diagnostics())).build();
        }, d -> Configure.Response.newBuilder().addAllDiagnostics(diagnostics(d)).build()));
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
    public void stop(Stop.Request request, StreamObserver<Stop.Response> out) {
        reply(out, ProviderCalls.guarded("Stop", () -> {
            StopProviderResponse r = provider.get().stopProvider();
            return Stop.Response.newBuilder().setError(r.error() == null ? "" : r.error()).build();
        }, d -> Stop.Response.newBuilder().setError(d.get(0).detail()).build()));
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

    private static io.dashplane.provider.tfplugin5.ServerCapabilities capabilities(ServerCapabilities c) {
        return io.dashplane.provider.tfplugin5.ServerCapabilities.newBuilder()
                .setPlanDestroy(c.planDestroy())
                .setGetProviderSchemaOptional(c.getProviderSchemaOptional())
                .build();
    }

    static List<io.dashplane.provider.tfplugin5.Diagnostic> diagnostics(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Tfplugin5ProviderService::diagnostic).toList();
    }

    private static io.dashplane.provider.tfplugin5.Diagnostic diagnostic(Diagnostic d) {
        io.dashplane.provider.tfplugin5.Diagnostic.Builder b = io.dashplane.provider.tfplugin5.Diagnostic.newBuilder()
                .setSeverity(d.severity() == Diagnostic.Severity.WARNING
                        ? io.dashplane.provider.tfplugin5.Diagnostic.Severity.WARNING
                        : io.dashplane.provider.tfplugin5.Diagnostic.Severity.ERROR)
                .setSummary(d.summary())
                .setDetail(d.detail());
        if (d.attribute() != null && !d.attribute().steps().isEmpty()) {
            b.setAttribute(path(d.attribute()));
        }
        return b.build();
    }

    private static io.dashplane.provider.tfplugin5.AttributePath path(AttributePath path) {
        io.dashplane.provider.tfplugin5.AttributePath.Builder b = io.dashplane.provider.tfplugin5.AttributePath.newBuilder();
        for (AttributePath.Step step : path.steps()) {
            io.dashplane.provider.tfplugin5.AttributePath.Step.Builder s =
                    io.dashplane.provider.tfplugin5.AttributePath.Step.newBuilder();
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

    private static io.dashplane.provider.tfplugin5.Schema schema(Schema s) {
        return io.dashplane.provider.tfplugin5.Schema.newBuilder().setVersion(s.version()).setBlock(block(s.block())).build();
    }

    private static io.dashplane.provider.tfplugin5.Schema.Block block(Block block) {
        io.dashplane.provider.tfplugin5.Schema.Block.Builder b = io.dashplane.provider.tfplugin5.Schema.Block.newBuilder()
                .setDescription(block.description());
        for (Attribute a : block.attributes()) {
            b.addAttributes(io.dashplane.provider.tfplugin5.Schema.Attribute.newBuilder()
                    .setName(a.name())
                    .setType(ByteString.copyFrom(a.typeJson()))
                    .setDescription(a.description())
                    .setRequired(a.required())
                    .setOptional(a.optional())
                    .setComputed(a.computed())
                    .setSensitive(a.sensitive()));
        }
        for (NestedBlock nb : block.blockTypes()) {
            b.addBlockTypes(io.dashplane.provider.tfplugin5.Schema.NestedBlock.newBuilder()
                    .setTypeName(nb.typeName())
                    .setBlock(block(nb.block()))
                    .setNesting(io.dashplane.provider.tfplugin5.Schema.NestedBlock.NestingMode.valueOf(nb.nesting().name()))
                    .setMinItems(nb.minItems())
                    .setMaxItems(nb.maxItems()));
        }
        return b.build();
    }
}
