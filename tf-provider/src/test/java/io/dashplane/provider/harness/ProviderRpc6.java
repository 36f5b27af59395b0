package io.dashplane.provider.harness;

import com.google.protobuf.ByteString;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.tfplugin6.ApplyResourceChange;
import io.dashplane.provider.tfplugin6.AttributePath;
import io.dashplane.provider.tfplugin6.ClientCapabilities;
import io.dashplane.provider.tfplugin6.ConfigureProvider;
import io.dashplane.provider.tfplugin6.Diagnostic;
import io.dashplane.provider.tfplugin6.DynamicValue;
import io.dashplane.provider.tfplugin6.GetProviderSchema;
import io.dashplane.provider.tfplugin6.ImportResourceState;
import io.dashplane.provider.tfplugin6.PlanResourceChange;
import io.dashplane.provider.tfplugin6.RawState;
import io.dashplane.provider.tfplugin6.ReadDataSource;
import io.dashplane.provider.tfplugin6.ReadResource;
import io.dashplane.provider.tfplugin6.Schema;
import io.dashplane.provider.tfplugin6.StopProvider;
import io.dashplane.provider.tfplugin6.UpgradeResourceState;
import io.dashplane.provider.tfplugin6.ValidateDataResourceConfig;
import io.dashplane.provider.tfplugin6.ValidateProviderConfig;
import io.dashplane.provider.tfplugin6.ValidateResourceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ProviderRpc} over tfplugin6, the requests filled as Terraform 1.11 fills them. */
final class ProviderRpc6 implements ProviderRpc {
    private static final ClientCapabilities CAPABILITIES = ClientCapabilities.newBuilder()
            .setDeferralAllowed(false).setWriteOnlyAttributesAllowed(true).build();
    private final PluginProcess plugin;

    ProviderRpc6(PluginProcess plugin) {
        this.plugin = plugin;
    }

    @Override
    public int protocol() {
        return 6;
    }

    @Override
    public ProviderSchemas getSchema() {
        GetProviderSchema.Response r = plugin.v6().getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
        Map<String, BlockSchema> resources = new LinkedHashMap<>();
        r.getResourceSchemasMap().forEach((name, schema) -> resources.put(name, schema(schema)));
        Map<String, BlockSchema> dataSources = new LinkedHashMap<>();
        r.getDataSourceSchemasMap().forEach((name, schema) -> dataSources.put(name, schema(schema)));
        return new ProviderSchemas(schema(r.getProvider()), resources, dataSources,
                r.getServerCapabilities().getPlanDestroy(), diagnostics(r.getDiagnosticsList()));
    }

    private static BlockSchema schema(Schema schema) {
        Map<String, BlockSchema.ListBlockSchema> blocks = new LinkedHashMap<>();
        for (Schema.NestedBlock nested : schema.getBlock().getBlockTypesList()) {
            if (nested.getNesting() != Schema.NestedBlock.NestingMode.LIST || nested.getBlock().getBlockTypesCount() > 0) {
                throw new AssertionError("block " + nested.getTypeName() + " has nesting " + nested.getNesting()
                        + (nested.getBlock().getBlockTypesCount() > 0 ? " and nested blocks" : "")
                        + "; the harness supports LIST blocks of attributes only");
            }
            blocks.put(nested.getTypeName(), new BlockSchema.ListBlockSchema(nested.getTypeName(),
                    attributes(nested.getBlock()), nested.getMinItems(), nested.getMaxItems()));
        }
        return new BlockSchema(schema.getVersion(), attributes(schema.getBlock()), blocks);
    }

    private static Map<String, BlockSchema.AttributeSchema> attributes(Schema.Block block) {
        Map<String, BlockSchema.AttributeSchema> attributes = new LinkedHashMap<>();
        for (Schema.Attribute a : block.getAttributesList()) {
            if (a.hasNestedType()) {
                throw new AssertionError("attribute " + a.getName() + " has a nested type; the harness supports none");
            }
            attributes.put(a.getName(), new BlockSchema.AttributeSchema(a.getName(),
                    CtyType.fromJson(a.getType().toStringUtf8()), a.getRequired(), a.getOptional(), a.getComputed(),
                    a.getSensitive()));
        }
        return attributes;
    }

    @Override
    public List<Diag> validateProviderConfig(CtyValue config, ObjectType type) {
        return diagnostics(plugin.v6().validateProviderConfig(ValidateProviderConfig.Request.newBuilder()
                .setConfig(encode(config, type)).build()).getDiagnosticsList());
    }

    @Override
    public List<Diag> validateResourceConfig(String typeName, CtyValue config, ObjectType type) {
        return diagnostics(plugin.v6().validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                .setTypeName(typeName).setConfig(encode(config, type)).setClientCapabilities(CAPABILITIES).build())
                .getDiagnosticsList());
    }

    @Override
    public List<Diag> validateDataSourceConfig(String typeName, CtyValue config, ObjectType type) {
        return diagnostics(plugin.v6().validateDataResourceConfig(ValidateDataResourceConfig.Request.newBuilder()
                .setTypeName(typeName).setConfig(encode(config, type)).build()).getDiagnosticsList());
    }

    @Override
    public List<Diag> configure(String terraformVersion, CtyValue config, ObjectType type) {
        return diagnostics(plugin.v6().configureProvider(ConfigureProvider.Request.newBuilder()
                .setTerraformVersion(terraformVersion).setConfig(encode(config, type))
                .setClientCapabilities(CAPABILITIES).build()).getDiagnosticsList());
    }

    @Override
    public Upgraded upgradeResourceState(String typeName, long version, byte[] rawStateJson, ObjectType type) {
        UpgradeResourceState.Response r = plugin.v6().upgradeResourceState(UpgradeResourceState.Request.newBuilder()
                .setTypeName(typeName).setVersion(version)
                .setRawState(RawState.newBuilder().setJson(ByteString.copyFrom(rawStateJson))).build());
        List<Diag> diagnostics = diagnostics(r.getDiagnosticsList());
        return new Upgraded(Diag.hasErrors(diagnostics) ? null
                : decode(r.hasUpgradedState(), r.getUpgradedState(), type, "upgraded_state"), diagnostics);
    }

    @Override
    public Read readResource(String typeName, CtyValue currentState, byte[] privateData, ObjectType type) {
        ReadResource.Response r = plugin.v6().readResource(ReadResource.Request.newBuilder().setTypeName(typeName)
                .setCurrentState(encode(currentState, type)).setPrivate(bytes(privateData))
                .setClientCapabilities(CAPABILITIES).build());
        List<Diag> diagnostics = diagnostics(r.getDiagnosticsList());
        return new Read(Diag.hasErrors(diagnostics) ? null : decode(r.hasNewState(), r.getNewState(), type, "new_state"),
                r.getPrivate().toByteArray(), diagnostics);
    }

    @Override
    public Planned planResourceChange(String typeName, CtyValue prior, CtyValue proposed, CtyValue config,
                                      byte[] priorPrivate, ObjectType type) {
        PlanResourceChange.Response r = plugin.v6().planResourceChange(PlanResourceChange.Request.newBuilder()
                .setTypeName(typeName).setPriorState(encode(prior, type)).setProposedNewState(encode(proposed, type))
                .setConfig(encode(config, type)).setPriorPrivate(bytes(priorPrivate))
                .setClientCapabilities(CAPABILITIES).build());
        List<Diag> diagnostics = diagnostics(r.getDiagnosticsList());
        return new Planned(Diag.hasErrors(diagnostics) ? null
                : decode(r.hasPlannedState(), r.getPlannedState(), type, "planned_state"),
                r.getRequiresReplaceList().stream().map(ProviderRpc6::steps).toList(),
                r.getPlannedPrivate().toByteArray(), diagnostics, r.getLegacyTypeSystem());
    }

    @Override
    public Applied applyResourceChange(String typeName, CtyValue prior, CtyValue planned, CtyValue config,
                                       byte[] plannedPrivate, ObjectType type) {
        ApplyResourceChange.Response r = plugin.v6().applyResourceChange(ApplyResourceChange.Request.newBuilder()
                .setTypeName(typeName).setPriorState(encode(prior, type)).setPlannedState(encode(planned, type))
                .setConfig(encode(config, type)).setPlannedPrivate(bytes(plannedPrivate)).build());
        List<Diag> diagnostics = diagnostics(r.getDiagnosticsList());
        CtyValue newState = r.hasNewState() || !Diag.hasErrors(diagnostics)
                ? decode(r.hasNewState(), r.getNewState(), type, "new_state") : null;
        return new Applied(newState, r.getPrivate().toByteArray(), diagnostics, r.getLegacyTypeSystem());
    }

    @Override
    public Imported importResourceState(String typeName, String id) {
        ImportResourceState.Response r = plugin.v6().importResourceState(ImportResourceState.Request.newBuilder()
                .setTypeName(typeName).setId(id).setClientCapabilities(CAPABILITIES).build());
        return new Imported(r.getImportedResourcesList().stream().map(i -> new ImportedResource(i.getTypeName(),
                        msgpack(i.hasState(), i.getState(), "imported state"), i.getPrivate().toByteArray())).toList(),
                diagnostics(r.getDiagnosticsList()));
    }

    @Override
    public DataRead readDataSource(String typeName, CtyValue config, ObjectType type) {
        ReadDataSource.Response r = plugin.v6().readDataSource(ReadDataSource.Request.newBuilder()
                .setTypeName(typeName).setConfig(encode(config, type)).setClientCapabilities(CAPABILITIES).build());
        List<Diag> diagnostics = diagnostics(r.getDiagnosticsList());
        return new DataRead(Diag.hasErrors(diagnostics) ? null : decode(r.hasState(), r.getState(), type, "state"),
                diagnostics);
    }

    @Override
    public String stop() {
        return plugin.v6().stopProvider(StopProvider.Request.getDefaultInstance()).getError();
    }

    private static DynamicValue encode(CtyValue value, ObjectType type) {
        CtyValue v = value == null ? CtyValue.nullOf(type) : value;
        return DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(CtyMsgpack.encode(v, type))).build();
    }

    private static ByteString bytes(byte[] data) {
        return data == null ? ByteString.EMPTY : ByteString.copyFrom(data);
    }

    /** An unset DynamicValue is null; a set one must hold msgpack (older clients fail on empty bytes). */
    private static CtyValue decode(boolean present, DynamicValue value, ObjectType type, String field) {
        byte[] msgpack = msgpack(present, value, field);
        return msgpack == null ? CtyValue.nullOf(type) : WireValues.decode(msgpack, type, field);
    }

    private static byte[] msgpack(boolean present, DynamicValue value, String field) {
        if (!present) {
            return null;
        }
        if (!value.getJson().isEmpty()) {
            throw new AssertionError(field + " answered in JSON; providers must answer in msgpack");
        }
        if (value.getMsgpack().isEmpty()) {
            throw new AssertionError(field + " is a set DynamicValue with empty bytes (Terraform 0.13/0.14 fail to decode it)");
        }
        return value.getMsgpack().toByteArray();
    }

    static List<Diag> diagnostics(List<Diagnostic> list) {
        return list.stream().map(d -> new Diag(switch (d.getSeverity()) {
            case ERROR -> Diag.Severity.ERROR;
            case WARNING -> Diag.Severity.WARNING;
            default -> Diag.Severity.INVALID;
        }, d.getSummary(), d.getDetail(), d.hasAttribute() ? steps(d.getAttribute()) : List.of())).toList();
    }

    private static List<Diag.Step> steps(AttributePath path) {
        return path.getStepsList().stream().map(s -> switch (s.getSelectorCase()) {
            case ATTRIBUTE_NAME -> new Diag.Step(s.getAttributeName(), null, null);
            case ELEMENT_KEY_STRING -> new Diag.Step(null, s.getElementKeyString(), null);
            case ELEMENT_KEY_INT -> new Diag.Step(null, null, s.getElementKeyInt());
            default -> throw new AssertionError("attribute path step without a selector: " + path);
        }).toList();
    }
}
