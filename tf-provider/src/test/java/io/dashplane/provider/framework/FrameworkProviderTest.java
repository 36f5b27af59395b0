package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.protocol.ApplyResourceChangeRequest;
import io.dashplane.provider.protocol.ApplyResourceChangeResponse;
import io.dashplane.provider.protocol.Diagnostic;
import io.dashplane.provider.protocol.GetProviderSchemaResponse;
import io.dashplane.provider.protocol.PlanResourceChangeRequest;
import io.dashplane.provider.protocol.PlanResourceChangeResponse;
import io.dashplane.provider.protocol.ReadResourceRequest;
import io.dashplane.provider.protocol.ReadResourceResponse;
import io.dashplane.provider.protocol.UpgradeResourceStateRequest;
import io.dashplane.provider.protocol.UpgradeResourceStateResponse;
import io.dashplane.provider.protocol.ValidateResourceConfigRequest;
import io.dashplane.provider.protocol.ValidationResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The framework's protocol surface with an in-memory resource type: msgpack in and out, the plan
 * rules, apply consistency, private state pass-through, validators and state upgrade.
 */
class FrameworkProviderTest {
    private static final Schema SCHEMA = Schema.of(1, "a note",
            Attr.string("text").required().validate(Validators.notBlank()),
            Attr.string("settings").optional().semanticEquality(SemanticEquality.json()).validate(Validators.jsonObject()),
            Attr.string("id").computed().useStateForUnknown(),
            Attr.number("version").computed());

    /** Notes kept in a map: the "server". */
    private static final class NoteResource implements Resource<Map<String, ObjectNode>> {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public String typeName() {
            return "test_note";
        }

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public Values create(Values planned, ResourceContext<Map<String, ObjectNode>> context) {
            String id = "n" + ids.incrementAndGet();
            // the "server" reformats the JSON it stores
            return planned.with("id", id).with("version", 1L)
                    .with("settings", planned.getString("settings") == null ? null : planned.getString("settings").replace(" ", ""));
        }

        @Override
        public Values read(Values state, ResourceContext<Map<String, ObjectNode>> context) {
            return "gone".equals(state.getString("text")) ? null
                    : state.with("settings", state.getString("settings") == null ? null : state.getString("settings").replace(" ", ""));
        }

        @Override
        public Values update(Values prior, Values planned, ResourceContext<Map<String, ObjectNode>> context) {
            return planned.with("version", prior.getLong("version") + 1);
        }

        @Override
        public void delete(Values prior, ResourceContext<Map<String, ObjectNode>> context) {
        }

        @Override
        public Values importState(String id, ResourceContext<Map<String, ObjectNode>> context) {
            return Values.empty(SCHEMA.objectType()).with("id", id);
        }

        @Override
        public ObjectNode upgradeState(long version, ObjectNode rawState) {
            if (version == 0 && rawState.has("body")) {
                rawState.set("text", rawState.remove("body"));
            }
            return rawState;
        }
    }

    /** A resource whose read waits until its thread is interrupted, like an HTTP call to a hung server. */
    private static final class BlockingResource extends NoteResourceBase {
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public String typeName() {
            return "test_blocking";
        }

        @Override
        public Values read(Values state, ResourceContext<Map<String, ObjectNode>> context) {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return state;
            } catch (InterruptedException e) {
                throw new ProviderException("Interrupted", "the read was cancelled");
            }
        }
    }

    /** CRUD that is never called. */
    private abstract static class NoteResourceBase implements Resource<Map<String, ObjectNode>> {
        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public Values create(Values planned, ResourceContext<Map<String, ObjectNode>> context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Values update(Values prior, Values planned, ResourceContext<Map<String, ObjectNode>> context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Values prior, ResourceContext<Map<String, ObjectNode>> context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Values importState(String id, ResourceContext<Map<String, ObjectNode>> context) {
            throw new UnsupportedOperationException();
        }
    }

    private static class NoteProvider implements ProviderDefinition<Map<String, ObjectNode>> {
        @Override
        public Schema schema() {
            return Schema.of(0, "", Attr.string("endpoint").optional());
        }

        @Override
        public Map<String, ObjectNode> configure(Values config, Diagnostics diagnostics) {
            return new ConcurrentHashMap<>();
        }

        @Override
        public List<Resource<Map<String, ObjectNode>>> resources() {
            return List.of(new NoteResource(), new BlockingResource());
        }

        @Override
        public List<DataSource<Map<String, ObjectNode>>> dataSources() {
            return List.of();
        }
    }

    private final FrameworkProvider<Map<String, ObjectNode>> provider = new FrameworkProvider<>(new NoteProvider());

    private static byte[] msgpack(Values values) {
        return CtyMsgpack.encode(values.toCty(), SCHEMA.objectType());
    }

    private static Values decode(byte[] bytes) {
        return FrameworkProvider.decode(bytes, SCHEMA);
    }

    private static Values note(String text, String settings) {
        return Values.empty(SCHEMA.objectType()).with("text", text).with("settings", settings);
    }

    @Test
    void schemaUsesOnlyAttributes() {
        GetProviderSchemaResponse schema = provider.getProviderSchema();
        io.dashplane.provider.protocol.Schema note = schema.resourceSchemas().get("test_note");
        assertEquals(1, note.version());
        assertTrue(note.block().blockTypes().isEmpty());
        assertEquals(List.of("text", "settings", "id", "version"),
                note.block().attributes().stream().map(io.dashplane.provider.protocol.Attribute::name).toList());
        assertEquals("\"number\"", new String(note.block().attributes().get(3).typeJson(), StandardCharsets.UTF_8));
        assertTrue(schema.capabilities().planDestroy());
    }

    @Test
    void validatorsReportAtTheAttribute() {
        ValidationResponse response = provider.validateResourceConfig(
                new ValidateResourceConfigRequest("test_note", msgpack(note("hi", "[1]"))));
        assertEquals(1, response.diagnostics().size());
        Diagnostic diagnostic = response.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, diagnostic.severity());
        assertEquals(io.dashplane.provider.protocol.AttributePath.of("settings"), diagnostic.attribute());
        Values unknownSettings = note("hi", null).withUnknown("settings");
        assertTrue(provider.validateResourceConfig(
                new ValidateResourceConfigRequest("test_note", msgpack(unknownSettings))).diagnostics().isEmpty());
    }

    @Test
    void createApplyRefreshAndReplanShowNoChange() {
        Values config = note("hi", "{ \"a\": 1 }");
        byte[] privateState = {1, 2, 3};
        PlanResourceChangeResponse plan = provider.planResourceChange(new PlanResourceChangeRequest(
                "test_note", null, msgpack(config), msgpack(config), privateState, null));
        assertTrue(plan.diagnostics().isEmpty(), plan.diagnostics().toString());
        Values planned = decode(plan.plannedState());
        assertFalse(planned.isKnown("id"));
        assertFalse(planned.isKnown("version"));
        assertArrayEquals(privateState, plan.plannedPrivate());

        ApplyResourceChangeResponse applied = provider.applyResourceChange(new ApplyResourceChangeRequest(
                "test_note", null, plan.plannedState(), msgpack(config), plan.plannedPrivate(), null));
        assertTrue(applied.diagnostics().isEmpty(), applied.diagnostics().toString());
        Values state = decode(applied.newState());
        assertEquals("{ \"a\": 1 }", state.getString("settings"), "the planned text survives apply");
        assertEquals("n1", state.getString("id"));
        assertArrayEquals(privateState, applied.privateState());

        ReadResourceResponse read = provider.readResource(new ReadResourceRequest("test_note", applied.newState(), applied.privateState(), null));
        assertEquals(state, decode(read.newState()), "the prior JSON text survives refresh");
        assertArrayEquals(privateState, read.privateState());

        Values reformatted = note("hi", "{\"a\":1.0}");
        Values proposed = reformatted.with("id", state.get("id")).with("version", state.get("version"));
        PlanResourceChangeResponse replan = provider.planResourceChange(new PlanResourceChangeRequest(
                "test_note", read.newState(), msgpack(proposed), msgpack(reformatted), read.privateState(), null));
        assertEquals(state, decode(replan.plannedState()));
        assertTrue(replan.requiresReplace().isEmpty());
    }

    @Test
    void destroyPlansNullAndApplyReturnsNull() {
        Values state = note("hi", null).with("id", "n9").with("version", 2L);
        PlanResourceChangeResponse plan = provider.planResourceChange(new PlanResourceChangeRequest(
                "test_note", msgpack(state), null, null, null, null));
        assertTrue(decodeRaw(plan.plannedState()).isNull());
        ApplyResourceChangeResponse applied = provider.applyResourceChange(new ApplyResourceChangeRequest(
                "test_note", msgpack(state), null, null, null, null));
        assertTrue(decodeRaw(applied.newState()).isNull());
        assertTrue(applied.diagnostics().isEmpty());
    }

    @Test
    void readOfVanishedObjectReturnsNullState() {
        Values state = note("gone", null).with("id", "n9").with("version", 2L);
        ReadResourceResponse read = provider.readResource(new ReadResourceRequest("test_note", msgpack(state), null, null));
        assertNull(read.newState());
        assertTrue(read.diagnostics().isEmpty());
    }

    @Test
    void upgradeDecodesRawJsonToleratingMissingAndExtraAttributes() {
        String raw = "{\"body\":\"old text\",\"id\":\"n4\",\"legacy_flag\":true}";
        UpgradeResourceStateResponse upgraded = provider.upgradeResourceState(
                new UpgradeResourceStateRequest("test_note", 0, raw.getBytes(StandardCharsets.UTF_8)));
        assertTrue(upgraded.diagnostics().isEmpty(), upgraded.diagnostics().toString());
        Values state = decode(upgraded.upgradedState());
        assertEquals("old text", state.getString("text"));
        assertEquals("n4", state.getString("id"));
        assertTrue(state.isNull("version"));

        String current = "{\"text\":\"t\",\"settings\":null,\"id\":\"n5\",\"version\":3}";
        Values same = decode(provider.upgradeResourceState(new UpgradeResourceStateRequest(
                "test_note", 1, current.getBytes(StandardCharsets.UTF_8))).upgradedState());
        assertEquals(3L, same.getLong("version"));

        UpgradeResourceStateResponse newer = provider.upgradeResourceState(
                new UpgradeResourceStateRequest("test_note", 7, current.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Diagnostic.Severity.ERROR, newer.diagnostics().get(0).severity());
    }

    @Test
    void unknownTypeIsADiagnosticNotAnException() {
        ReadResourceResponse read = provider.readResource(new ReadResourceRequest("test_missing", new byte[] {(byte) 0xc0}, null, null));
        assertEquals(Diagnostic.Severity.ERROR, read.diagnostics().get(0).severity());
    }

    @Test
    void stopCancelsInFlightCalls() throws Exception {
        BlockingResource blocking = (BlockingResource) new NoteProvider().resources().get(1);
        FrameworkProvider<Map<String, ObjectNode>> withBlocking = new FrameworkProvider<>(new NoteProvider() {
            @Override
            public List<Resource<Map<String, ObjectNode>>> resources() {
                return List.of(blocking);
            }
        });
        Values state = note("hi", null).with("id", "n1").with("version", 1L);
        AtomicReference<ReadResourceResponse> response = new AtomicReference<>();
        Thread caller = new Thread(() -> response.set(withBlocking.readResource(
                new ReadResourceRequest("test_blocking", msgpack(state), null, null))));
        caller.start();
        blocking.started.await();
        withBlocking.stopProvider();
        caller.join(60_000);
        assertFalse(caller.isAlive(), "the read must end once Stop is called");
        assertEquals("Interrupted", response.get().diagnostics().get(0).summary());
        assertEquals(state, decode(response.get().newState()), "a failed refresh keeps the state");
    }

    private static CtyValue decodeRaw(byte[] bytes) {
        return CtyMsgpack.decode(bytes, SCHEMA.objectType());
    }
}
