package io.dashplane.provider.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.dashplane.provider.tfplugin5.PrepareProviderConfig;
import io.dashplane.provider.tfplugin5.ValidateResourceTypeConfig;
import io.dashplane.provider.tfplugin6.ApplyResourceChange;
import io.dashplane.provider.tfplugin6.ConfigureProvider;
import io.dashplane.provider.tfplugin6.Diagnostic;
import io.dashplane.provider.tfplugin6.DynamicValue;
import io.dashplane.provider.tfplugin6.GetFunctions;
import io.dashplane.provider.tfplugin6.GetMetadata;
import io.dashplane.provider.tfplugin6.GetProviderSchema;
import io.dashplane.provider.tfplugin6.GetResourceIdentitySchemas;
import io.dashplane.provider.tfplugin6.ImportResourceState;
import io.dashplane.provider.tfplugin6.PlanResourceChange;
import io.dashplane.provider.tfplugin6.ReadResource;
import io.dashplane.provider.tfplugin6.RawState;
import io.dashplane.provider.tfplugin6.Schema;
import io.dashplane.provider.tfplugin6.StopProvider;
import io.dashplane.provider.tfplugin6.UpgradeResourceState;
import io.dashplane.provider.tfplugin6.ValidateResourceConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both gRPC adapters against the test provider in a running plugin process. */
class ProtocolAdaptersIT {
    private static final DynamicValue NULL_VALUE = DynamicValue.newBuilder()
            .setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0xc0})).build();
    private static PluginProcess plugin;

    @BeforeAll
    static void start() throws Exception {
        plugin = PluginProcess.start(PluginProcess.testExecutable());
    }

    @AfterAll
    static void stop() {
        plugin.close();
    }

    @Test
    void protocol6SchemaRoundTrip() {
        GetProviderSchema.Response r = plugin.v6().getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
        assertEquals(1, r.getDiagnosticsCount());
        assertEquals(Diagnostic.Severity.WARNING, r.getDiagnostics(0).getSeverity());
        assertTrue(r.getServerCapabilities().getPlanDestroy());
        assertEquals("url", r.getProvider().getBlock().getAttributes(0).getName());
        assertTrue(r.getProvider().getBlock().getAttributes(1).getSensitive());
        Schema thing = r.getResourceSchemasOrThrow("dashplane_test_thing");
        assertEquals(2, thing.getVersion());
        assertEquals("[\"map\",\"string\"]", thing.getBlock().getAttributes(2).getType().toStringUtf8());
        assertTrue(thing.getBlock().getAttributes(0).getComputed());
        assertTrue(thing.getBlock().getAttributes(1).getRequired());
        Schema.NestedBlock rule = thing.getBlock().getBlockTypes(0);
        assertEquals("rule", rule.getTypeName());
        assertEquals(Schema.NestedBlock.NestingMode.LIST, rule.getNesting());
        assertEquals(2, rule.getMaxItems());
        assertEquals("pattern", rule.getBlock().getAttributes(0).getName());
        assertEquals(Schema.NestedBlock.NestingMode.SINGLE,
                r.getDataSourceSchemasOrThrow("dashplane_test_info").getBlock().getBlockTypes(0).getNesting());
        assertFalse(r.hasProviderMeta());
    }

    @Test
    void protocol5SchemaRoundTrip() {
        io.dashplane.provider.tfplugin5.GetProviderSchema.Response r = plugin.v5()
                .getSchema(io.dashplane.provider.tfplugin5.GetProviderSchema.Request.getDefaultInstance());
        assertTrue(r.getServerCapabilities().getPlanDestroy());
        io.dashplane.provider.tfplugin5.Schema thing = r.getResourceSchemasOrThrow("dashplane_test_thing");
        assertEquals(2, thing.getVersion());
        assertEquals("\"string\"", thing.getBlock().getAttributes(1).getType().toStringUtf8());
        assertTrue(thing.getBlock().getAttributes(3).getSensitive());
        assertEquals(io.dashplane.provider.tfplugin5.Schema.NestedBlock.NestingMode.LIST,
                thing.getBlock().getBlockTypes(0).getNesting());
        assertEquals(io.dashplane.provider.tfplugin5.Diagnostic.Severity.WARNING, r.getDiagnostics(0).getSeverity());
    }

    @Test
    void metadataListsTypeNames() {
        GetMetadata.Response r = plugin.v6().getMetadata(GetMetadata.Request.getDefaultInstance());
        assertEquals("dashplane_test_thing", r.getResources(0).getTypeName());
        assertEquals("dashplane_test_info", r.getDataSources(0).getTypeName());
    }

    @Test
    void anExceptionInTheProviderBecomesAnErrorDiagnostic() {
        ValidateResourceConfig.Response r6 = plugin.v6().validateResourceConfig(ValidateResourceConfig.Request
                .newBuilder().setTypeName("dashplane_test_explode").setConfig(NULL_VALUE).build());
        assertEquals(Diagnostic.Severity.ERROR, r6.getDiagnostics(0).getSeverity());
        assertTrue(r6.getDiagnostics(0).getDetail().contains("boom"), r6.getDiagnostics(0).getDetail());

        ValidateResourceTypeConfig.Response r5 = plugin.v5().validateResourceTypeConfig(ValidateResourceTypeConfig
                .Request.newBuilder().setTypeName("dashplane_test_explode").build());
        assertEquals(io.dashplane.provider.tfplugin5.Diagnostic.Severity.ERROR, r5.getDiagnostics(0).getSeverity());
    }

    @Test
    void diagnosticsCarryAttributePaths() {
        ValidateResourceConfig.Response r = plugin.v6().validateResourceConfig(
                ValidateResourceConfig.Request.newBuilder().setTypeName("dashplane_test_thing").build());
        var steps = r.getDiagnostics(0).getAttribute().getStepsList();
        assertEquals("rule", steps.get(0).getAttributeName());
        assertEquals(1, steps.get(1).getElementKeyInt());
        assertEquals("pattern", steps.get(2).getAttributeName());

        ConfigureProvider.Response configured = plugin.v6().configureProvider(ConfigureProvider.Request.newBuilder()
                .setTerraformVersion("1.9.0").setConfig(NULL_VALUE).build());
        assertEquals(Diagnostic.Severity.WARNING, configured.getDiagnostics(0).getSeverity());
        assertEquals("team", configured.getDiagnostics(0).getAttribute().getSteps(1).getElementKeyString());
    }

    @Test
    void protocol5PrepareProviderConfigEchoesTheConfig() {
        io.dashplane.provider.tfplugin5.DynamicValue config = io.dashplane.provider.tfplugin5.DynamicValue.newBuilder()
                .setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0x80})).build();
        PrepareProviderConfig.Response r = plugin.v5().prepareProviderConfig(
                PrepareProviderConfig.Request.newBuilder().setConfig(config).build());
        assertEquals(0, r.getDiagnosticsCount());
        assertEquals(config, r.getPreparedConfig());
    }

    @Test
    void aNullStateLeavesTheDynamicValueUnset() {
        ReadResource.Response r = plugin.v6().readResource(ReadResource.Request.newBuilder()
                .setTypeName("dashplane_test_thing").setCurrentState(NULL_VALUE)
                .setPrivate(ByteString.copyFromUtf8("p")).build());
        assertFalse(r.hasNewState(), "never an empty-bytes DynamicValue");
        assertEquals("p", r.getPrivate().toStringUtf8());

        io.dashplane.provider.tfplugin5.ReadResource.Response r5 = plugin.v5().readResource(
                io.dashplane.provider.tfplugin5.ReadResource.Request.newBuilder().setTypeName("dashplane_test_thing").build());
        assertFalse(r5.hasNewState());
    }

    @Test
    void planApplyImportAndUpgradeTranslateTheirFields() {
        DynamicValue proposed = DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0x80})).build();
        PlanResourceChange.Response plan = plugin.v6().planResourceChange(PlanResourceChange.Request.newBuilder()
                .setTypeName("dashplane_test_thing").setProposedNewState(proposed).setConfig(proposed)
                .setPriorPrivate(ByteString.copyFromUtf8("pp")).build());
        assertEquals(proposed, plan.getPlannedState());
        assertEquals("name", plan.getRequiresReplace(0).getSteps(0).getAttributeName());
        assertEquals("pp", plan.getPlannedPrivate().toStringUtf8());
        assertFalse(plan.getLegacyTypeSystem());

        ApplyResourceChange.Response destroyed = plugin.v6().applyResourceChange(ApplyResourceChange.Request.newBuilder()
                .setTypeName("dashplane_test_thing").setPriorState(proposed).build());
        assertFalse(destroyed.hasNewState(), "a null planned state (delete) gives a null new state");

        ImportResourceState.Response imported = plugin.v6().importResourceState(ImportResourceState.Request.newBuilder()
                .setTypeName("dashplane_test_thing").setId("abc").build());
        assertEquals("dashplane_test_thing", imported.getImportedResources(0).getTypeName());
        assertTrue(imported.getImportedResources(0).getState().getMsgpack().size() > 0);

        byte[] json = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        UpgradeResourceState.Response upgraded = plugin.v6().upgradeResourceState(UpgradeResourceState.Request
                .newBuilder().setTypeName("dashplane_test_thing").setVersion(1)
                .setRawState(RawState.newBuilder().setJson(ByteString.copyFrom(json))).build());
        assertArrayEquals(json, upgraded.getUpgradedState().getMsgpack().toByteArray());

        assertEquals("", plugin.v6().stopProvider(StopProvider.Request.getDefaultInstance()).getError());
    }

    @Test
    void unimplementedRpcsAnswerUnimplemented() {
        StatusRuntimeException functions = assertThrows(StatusRuntimeException.class,
                () -> plugin.v6().getFunctions(GetFunctions.Request.getDefaultInstance()));
        assertEquals(Status.Code.UNIMPLEMENTED, functions.getStatus().getCode());
        StatusRuntimeException identity = assertThrows(StatusRuntimeException.class,
                () -> plugin.v5().getResourceIdentitySchemas(
                        io.dashplane.provider.tfplugin5.GetResourceIdentitySchemas.Request.getDefaultInstance()));
        assertEquals(Status.Code.UNIMPLEMENTED, identity.getStatus().getCode());
        assertThrows(StatusRuntimeException.class,
                () -> plugin.v6().getResourceIdentitySchemas(GetResourceIdentitySchemas.Request.getDefaultInstance()));
    }
}
