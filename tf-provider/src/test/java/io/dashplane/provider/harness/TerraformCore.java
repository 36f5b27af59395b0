package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyJson;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Drives the provider executable the way Terraform core does, in protocol 5 or 6. Every phase (validate,
 * plan, apply, import, data source read) starts a fresh plugin process, reads the schema, validates and
 * configures the provider, does its work and ends the process with GRPCController.Shutdown. State is kept
 * as Terraform keeps it: attributes as JSON (UpgradeResourceState gets that raw JSON at the start of every
 * phase), the schema version and the private bytes. Every answer goes through {@link TerraformRules}; a
 * broken rule throws {@link TerraformRules.Violation}. Diagnostics the provider reports are returned, not thrown.
 */
public final class TerraformCore {
    public static final String TERRAFORM_VERSION = "1.11.4";

    private final Path executable;
    private final int protocol;
    private final int parallelism;
    private final Map<String, String> environment;
    private final Map<String, InstanceState> state = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /** A resource instance in state, as Terraform stores it. */
    public record InstanceState(String typeName, long schemaVersion, String attributesJson, byte[] privateData) {
    }

    public enum Action { NOOP, CREATE, UPDATE, REPLACE, DELETE }

    public record Change(String address, String typeName, Action action, CtyValue prior, byte[] priorPrivate,
                         CtyValue planned, byte[] plannedPrivate, CtyValue config) {
    }

    /** A plan: one change per configured or stored resource, and the diagnostics of the plan phase. */
    public record Plan(List<Change> changes, List<Diag> diagnostics) {
        public boolean hasErrors() {
            return Diag.hasErrors(diagnostics);
        }

        public boolean hasChanges() {
            return changes.stream().anyMatch(c -> c.action() != Action.NOOP);
        }

        public Change change(String address) {
            return changes.stream().filter(c -> c.address().equals(address)).findFirst()
                    .orElseThrow(() -> new AssertionError("the plan has no change for " + address + ": " + this));
        }

        public List<Change> changed() {
            return changes.stream().filter(c -> c.action() != Action.NOOP).toList();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Plan[");
            changes.forEach(c -> b.append("\n  ").append(c.action()).append(' ').append(c.address())
                    .append(c.action() == Action.NOOP ? "" : describeDifference(c.prior(), c.planned())));
            diagnostics.forEach(d -> b.append("\n  ").append(d));
            return b.append("]").toString();
        }
    }

    public record Outcome(List<Diag> diagnostics) {
        public boolean hasErrors() {
            return Diag.hasErrors(diagnostics);
        }
    }

    public TerraformCore(Path executable, int protocol) {
        this(executable, protocol, 10, Map.of());
    }

    /** {@code parallelism} as Terraform's -parallelism (default 10); {@code environment} is added to the plugin's. */
    public TerraformCore(Path executable, int protocol, int parallelism, Map<String, String> environment) {
        if (protocol != 5 && protocol != 6) {
            throw new IllegalArgumentException("protocol must be 5 or 6");
        }
        this.executable = executable;
        this.protocol = protocol;
        this.parallelism = parallelism;
        this.environment = Map.copyOf(environment);
    }

    /** The built provider, {@code target/dist/terraform-provider-dashplane}. */
    public static Path distExecutable() {
        return Path.of(System.getProperty("dashplane.dist", "target/dist"), "terraform-provider-dashplane").toAbsolutePath();
    }

    public int protocol() {
        return protocol;
    }

    public Map<String, InstanceState> state() {
        synchronized (state) {
            return Map.copyOf(state);
        }
    }

    /** Replaces a stored instance, e.g. with state written by an older provider version. */
    public void putState(String address, InstanceState instance) {
        state.put(address, instance);
    }

    /** terraform state rm: the instances leave the state; the objects stay on the server. */
    public void forget(String... addresses) {
        for (String address : addresses) {
            if (state.remove(address) == null) {
                throw new IllegalStateException(address + " is not in state");
            }
        }
    }

    /**
     * The resource block {@code terraform plan -generate-config-out} writes for an instance in state (an
     * imported one): every argument (required or optional attribute) with its stored value, computed-only
     * attributes left out, sensitive arguments null (Terraform writes {@code null # sensitive}); nested blocks
     * likewise. Planning it against the imported state must find no change.
     */
    public Map<String, Object> generatedConfiguration(String address) {
        InstanceState instance = state.get(address);
        if (instance == null) {
            throw new IllegalStateException(address + " is not in state");
        }
        BlockSchema schema = schemasForStateDecoding().resource(instance.typeName());
        CtyValue value = stateValue(address);
        Map<String, Object> generated = new LinkedHashMap<>(arguments(schema.attributes(), value));
        schema.blocks().forEach((name, block) -> {
            CtyValue blocks = value.getAttr(name);
            if (!blocks.isNull() && blocks.length() > 0) {
                generated.put(name, blocks.elements().stream().map(b -> arguments(block.attributes(), b)).toList());
            }
        });
        return generated;
    }

    private static Map<String, Object> arguments(Map<String, BlockSchema.AttributeSchema> attributes, CtyValue object) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> {
            if (attribute.required() || attribute.optional()) {
                arguments.put(name, attribute.sensitive() ? CtyValue.nullOf(attribute.type()) : object.getAttr(name));
            }
        });
        return arguments;
    }

    /** The stored value of a resource instance, null when it is not in state. */
    public CtyValue stateValue(String address) {
        InstanceState instance = state.get(address);
        if (instance == null) {
            return null;
        }
        return CtyJson.decode(instance.attributesJson(), schemasForStateDecoding().resource(instance.typeName()).objectType());
    }

    /** Names of the RPCs called so far, in order ("plan:ReadResource dashplane_folder.f", ...). */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private volatile ProviderSchemas lastSchemas;

    private ProviderSchemas schemasForStateDecoding() {
        if (lastSchemas == null) {
            phase("schema", session -> null);
        }
        return lastSchemas;
    }

    // ---- phases ----

    /** terraform validate: the provider and every resource with references unknown; nothing configured. */
    public Outcome validate(Configuration configuration) {
        return phase("validate", session -> {
            List<Diag> diagnostics = new ArrayList<>(session.validateProvider(configuration));
            for (Configuration.ResourceBlock block : configuration.resources()) {
                BlockSchema schema = session.schemas.resource(block.typeName());
                CtyValue config = Configuration.object(schema, block.attributes(),
                        ref -> CtyValue.unknownOf(attributeType(session.schemas, ref)));
                diagnostics.addAll(session.validateResource(block.address(), schema, config));
            }
            return new Outcome(diagnostics);
        });
    }

    /** Only validates and configures the provider (what every phase starts with). */
    public Outcome configure(Configuration configuration) {
        return phase("configure", session -> new Outcome(session.configure(configuration)));
    }

    /** terraform plan: refresh every stored instance, then plan every configured and every orphaned one. */
    public Plan plan(Configuration configuration) {
        return phase("plan", session -> {
            List<Diag> diagnostics = new CopyOnWriteArrayList<>(session.configure(configuration));
            if (Diag.hasErrors(diagnostics)) {
                return new Plan(List.of(), diagnostics);
            }
            Map<String, Refreshed> refreshed = session.refreshAll(diagnostics);
            if (Diag.hasErrors(diagnostics)) {
                return new Plan(List.of(), diagnostics);
            }
            Map<String, CtyValue> plannedValues = new ConcurrentHashMap<>();
            List<Change> changes = session.inWaves(configuration, block -> {
                Refreshed prior = refreshed.get(block.address());
                Change change = session.planResource(block, prior, plannedValues, diagnostics);
                if (change != null) {
                    plannedValues.put(block.address(), change.planned());
                }
                return change;
            });
            List<String> orphans = new ArrayList<>(refreshed.keySet());
            configuration.resources().forEach(b -> orphans.remove(b.address()));
            Collections.reverse(orphans);
            for (String address : orphans) {
                changes.add(session.planDestroy(address, refreshed.get(address), diagnostics));
            }
            changes.removeIf(Objects::isNull);
            // the refreshed state is the plan's prior state; objects gone on the server left it
            synchronized (state) {
                state.keySet().retainAll(refreshed.keySet());
                refreshed.forEach((address, r) -> state.put(address, r.instance()));
            }
            return new Plan(changes, diagnostics);
        });
    }

    /** terraform apply of a saved plan: a fresh process re-plans every change (the final plan) and applies it. */
    public Outcome apply(Configuration configuration, Plan plan) {
        if (plan.hasErrors()) {
            throw new IllegalArgumentException("a plan with errors cannot be applied: " + plan);
        }
        return phase("apply", session -> {
            List<Diag> diagnostics = new CopyOnWriteArrayList<>(session.configure(configuration));
            if (Diag.hasErrors(diagnostics)) {
                return new Outcome(diagnostics);
            }
            Map<String, CtyValue> applied = new ConcurrentHashMap<>();
            plan.changes().stream().filter(c -> c.action() == Action.NOOP)
                    .forEach(c -> applied.put(c.address(), c.prior()));
            session.inWaves(configuration, block -> {
                Change change = plan.changes().stream().filter(c -> c.address().equals(block.address())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the plan does not cover " + block.address()));
                if (change.action() != Action.NOOP && !Diag.hasErrors(diagnostics)) {
                    CtyValue result = session.applyChange(block, change, applied, diagnostics);
                    if (result != null) {
                        applied.put(block.address(), result);
                    }
                }
                return null;
            });
            for (Change change : plan.changes()) {
                if (change.action() == Action.DELETE && !Diag.hasErrors(diagnostics)) {
                    session.applyDelete(change, diagnostics);
                }
            }
            return new Outcome(diagnostics);
        });
    }

    /** terraform apply: plan, fail on plan errors, apply. */
    public Outcome planAndApply(Configuration configuration) {
        Plan plan = plan(configuration);
        if (plan.hasErrors()) {
            return new Outcome(plan.diagnostics());
        }
        return apply(configuration, plan);
    }

    /** terraform destroy: a plan that wants every resource gone, then its apply. */
    public Outcome destroy(Configuration configuration) {
        return planAndApply(configuration.withoutResources());
    }

    /** terraform apply -refresh-only: the refreshed values become the state. */
    public Outcome refresh(Configuration configuration) {
        return phase("refresh", session -> {
            List<Diag> diagnostics = new ArrayList<>(session.configure(configuration));
            if (!Diag.hasErrors(diagnostics)) {
                Map<String, Refreshed> refreshed = session.refreshAll(diagnostics);
                if (!Diag.hasErrors(diagnostics)) {
                    synchronized (state) {
                        state.keySet().retainAll(refreshed.keySet());
                        refreshed.forEach((address, r) -> state.put(address, r.instance()));
                    }
                }
            }
            return new Outcome(diagnostics);
        });
    }

    /** terraform import ADDRESS ID: ImportResourceState, then ReadResource of the imported object into state. */
    public Outcome importResource(Configuration configuration, String address, String id) {
        if (state.containsKey(address)) {
            throw new IllegalStateException(address + " is already in state");
        }
        Configuration.ResourceBlock block = configuration.resource(address);
        return phase("import", session -> {
            List<Diag> diagnostics = new ArrayList<>(session.configure(configuration));
            if (!Diag.hasErrors(diagnostics)) {
                session.importInstance(block, id, diagnostics);
            }
            return new Outcome(diagnostics);
        });
    }

    public record DataResult(CtyValue state, List<Diag> diagnostics) {
        public boolean hasErrors() {
            return Diag.hasErrors(diagnostics);
        }
    }

    /** A data block read during plan: ValidateDataResourceConfig, then ReadDataSource. */
    public DataResult readDataSource(Configuration configuration, String typeName, Map<String, Object> attributes) {
        return phase("data", session -> {
            List<Diag> diagnostics = new ArrayList<>(session.configure(configuration));
            if (Diag.hasErrors(diagnostics)) {
                return new DataResult(null, diagnostics);
            }
            BlockSchema schema = session.schemas.dataSource(typeName);
            CtyValue config = Configuration.object(schema, attributes);
            String what = "data." + typeName;
            List<Diag> validation = session.rpc.validateDataSourceConfig(typeName, config, schema.objectType());
            session.record("ValidateDataResourceConfig " + what);
            TerraformRules.checkDiagnostics("ValidateDataResourceConfig " + what, validation, schema);
            diagnostics.addAll(validation);
            if (Diag.hasErrors(validation)) {
                return new DataResult(null, diagnostics);
            }
            ProviderRpc.DataRead read = session.rpc.readDataSource(typeName, config, schema.objectType());
            session.record("ReadDataSource " + what);
            TerraformRules.checkDiagnostics("ReadDataSource " + what, read.diagnostics(), schema);
            diagnostics.addAll(read.diagnostics());
            if (Diag.hasErrors(read.diagnostics())) {
                return new DataResult(null, diagnostics);
            }
            if (read.state().isNull()) {
                throw new TerraformRules.Violation("Provider produced null object for " + what);
            }
            TerraformRules.checkWhollyKnown("ReadDataSource " + what, read.state());
            return new DataResult(read.state(), diagnostics);
        });
    }

    // ---- one plugin process ----

    private <T> T phase(String name, Function<Session, T> body) {
        String versions = protocol == 5 ? "5" : (Math.random() < 0.5 ? "5,6" : "6,5");
        PluginProcess plugin;
        try {
            plugin = PluginProcess.start(executable, versions, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (plugin.handshake().protocolVersion() != protocol) {
                throw new AssertionError("offered " + versions + ", the provider chose " + plugin.handshake().protocolVersion());
            }
            Session session = new Session(name, plugin);
            T result = body.apply(session);
            plugin.shutdown();
            Integer exit;
            try {
                exit = plugin.awaitExit(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (exit == null) {
                throw new AssertionError("the provider did not exit after GRPCController.Shutdown (Terraform kills it after 2 s)");
            }
            return result;
        } catch (RuntimeException | Error e) {
            plugin.close();
            String stderr = plugin.stderr();
            if (!stderr.isBlank()) {
                e.addSuppressed(new RuntimeException("provider stderr:\n" + tail(stderr)));
            }
            throw e;
        } finally {
            plugin.close();
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    private record Refreshed(CtyValue value, InstanceState instance) {
    }

    private static io.dashplane.provider.cty.CtyType attributeType(ProviderSchemas schemas, Configuration.Ref ref) {
        String type = ref.address().substring(0, ref.address().indexOf('.'));
        return schemas.resource(type).attribute(ref.attribute()).type();
    }

    private final class Session {
        final String phase;
        final ProviderRpc rpc;
        final ProviderSchemas schemas;

        Session(String phase, PluginProcess plugin) {
            this.phase = phase;
            this.rpc = ProviderRpc.forProtocol(plugin);
            this.schemas = rpc.getSchema();
            record(protocol == 5 ? "GetSchema" : "GetProviderSchema");
            TerraformRules.checkDiagnostics("GetProviderSchema", schemas.diagnostics(), null);
            if (Diag.hasErrors(schemas.diagnostics())) {
                throw new AssertionError("GetProviderSchema failed: " + schemas.diagnostics());
            }
            lastSchemas = schemas;
        }

        void record(String call) {
            calls.add(phase + ":" + call);
        }

        ObjectType providerType() {
            return schemas.provider().objectType();
        }

        List<Diag> validateProvider(Configuration configuration) {
            CtyValue config = Configuration.object(schemas.provider(), configuration.provider());
            List<Diag> diagnostics = rpc.validateProviderConfig(config, providerType());
            record(protocol == 5 ? "PrepareProviderConfig" : "ValidateProviderConfig");
            TerraformRules.checkDiagnostics("ValidateProviderConfig", diagnostics, schemas.provider());
            return diagnostics;
        }

        List<Diag> configure(Configuration configuration) {
            List<Diag> diagnostics = new ArrayList<>(validateProvider(configuration));
            if (Diag.hasErrors(diagnostics)) {
                return diagnostics;
            }
            CtyValue config = Configuration.object(schemas.provider(), configuration.provider());
            List<Diag> configured = rpc.configure(TERRAFORM_VERSION, config, providerType());
            record(protocol == 5 ? "Configure" : "ConfigureProvider");
            TerraformRules.checkDiagnostics("ConfigureProvider", configured, schemas.provider());
            diagnostics.addAll(configured);
            return diagnostics;
        }

        List<Diag> validateResource(String address, BlockSchema schema, CtyValue config) {
            List<Diag> decoding = TerraformRules.blockCountErrors(schema, config);
            if (!decoding.isEmpty()) {
                return decoding;
            }
            String typeName = address.substring(0, address.indexOf('.'));
            List<Diag> diagnostics = rpc.validateResourceConfig(typeName, config, schema.objectType());
            record((protocol == 5 ? "ValidateResourceTypeConfig " : "ValidateResourceConfig ") + address);
            TerraformRules.checkDiagnostics("ValidateResourceConfig " + address, diagnostics, schema);
            return diagnostics;
        }

        /** UpgradeResourceState of the raw JSON state; null (with diagnostics) on errors. */
        CtyValue upgrade(String address, InstanceState instance, List<Diag> diagnostics) {
            BlockSchema schema = schemas.resource(instance.typeName());
            ProviderRpc.Upgraded upgraded = rpc.upgradeResourceState(instance.typeName(), instance.schemaVersion(),
                    instance.attributesJson().getBytes(StandardCharsets.UTF_8), schema.objectType());
            record("UpgradeResourceState " + address);
            TerraformRules.checkDiagnostics("UpgradeResourceState " + address, upgraded.diagnostics(), schema);
            diagnostics.addAll(upgraded.diagnostics());
            if (Diag.hasErrors(upgraded.diagnostics())) {
                return null;
            }
            if (upgraded.state().isNull()) {
                throw new TerraformRules.Violation("UpgradeResourceState returned null for " + address);
            }
            TerraformRules.checkWhollyKnown("UpgradeResourceState " + address, upgraded.state());
            return upgraded.state();
        }

        Map<String, Refreshed> refreshAll(List<Diag> diagnostics) {
            Map<String, InstanceState> current = state();
            List<String> order;
            synchronized (state) {
                order = new ArrayList<>(state.keySet());
            }
            Map<String, Refreshed> refreshed = new ConcurrentHashMap<>();
            List<Diag> found = Collections.synchronizedList(new ArrayList<>());
            parallel(order, address -> {
                InstanceState instance = current.get(address);
                Refreshed r = refresh(address, instance, found);
                if (r != null) {
                    refreshed.put(address, r);
                }
                return null;
            });
            diagnostics.addAll(found);
            Map<String, Refreshed> ordered = new LinkedHashMap<>();
            order.stream().filter(refreshed::containsKey).forEach(a -> ordered.put(a, refreshed.get(a)));
            return ordered;
        }

        /** UpgradeResourceState + ReadResource; null when the object is gone. */
        Refreshed refresh(String address, InstanceState instance, List<Diag> diagnostics) {
            CtyValue upgraded = upgrade(address, instance, diagnostics);
            if (upgraded == null) {
                return new Refreshed(null, instance);
            }
            BlockSchema schema = schemas.resource(instance.typeName());
            ProviderRpc.Read read = rpc.readResource(instance.typeName(), upgraded, instance.privateData(), schema.objectType());
            record("ReadResource " + address);
            TerraformRules.checkDiagnostics("ReadResource " + address, read.diagnostics(), schema);
            diagnostics.addAll(read.diagnostics());
            if (Diag.hasErrors(read.diagnostics())) {
                return new Refreshed(upgraded, instance);
            }
            if (read.newState().isNull()) {
                return null;
            }
            TerraformRules.checkWhollyKnown("ReadResource " + address, read.newState());
            return new Refreshed(read.newState(), instanceState(instance.typeName(), schema, read.newState(), read.privateData()));
        }

        InstanceState instanceState(String typeName, BlockSchema schema, CtyValue value, byte[] privateData) {
            return new InstanceState(typeName, schema.version(), CtyJson.encodeToString(value, schema.objectType()),
                    privateData == null ? new byte[0] : privateData);
        }

        CtyValue resolve(Map<String, CtyValue> values, Configuration.Ref ref) {
            CtyValue target = values.get(ref.address());
            if (target == null) {
                throw new IllegalStateException(ref.address() + " must come before its references in the configuration");
            }
            return target.isKnown() ? target.getAttr(ref.attribute())
                    : CtyValue.unknownOf(attributeType(schemas, ref));
        }

        Change planResource(Configuration.ResourceBlock block, Refreshed refreshed, Map<String, CtyValue> plannedValues,
                            List<Diag> diagnostics) {
            String address = block.address();
            BlockSchema schema = schemas.resource(block.typeName());
            CtyValue config = Configuration.object(schema, block.attributes(), ref -> resolve(plannedValues, ref));
            List<Diag> validation = validateResource(address, schema, config);
            diagnostics.addAll(validation);
            if (Diag.hasErrors(validation)) {
                return null;
            }
            CtyValue prior = refreshed == null ? CtyValue.nullOf(schema.objectType()) : refreshed.value();
            byte[] priorPrivate = refreshed == null ? new byte[0] : refreshed.instance().privateData();
            ProviderRpc.Planned plan = planCall(address, schema, prior, config, priorPrivate, diagnostics);
            if (plan == null) {
                return null;
            }
            if (prior.isNull()) {
                return new Change(address, block.typeName(), Action.CREATE, prior, priorPrivate, plan.plannedState(),
                        plan.plannedPrivate(), config);
            }
            if (requiresReplacement(plan, prior)) {
                ProviderRpc.Planned create = planCall(address, schema, CtyValue.nullOf(schema.objectType()), config,
                        new byte[0], diagnostics);
                return create == null ? null : new Change(address, block.typeName(), Action.REPLACE, prior, priorPrivate,
                        create.plannedState(), create.plannedPrivate(), config);
            }
            Action action = plan.plannedState().equals(prior) ? Action.NOOP : Action.UPDATE;
            return new Change(address, block.typeName(), action, prior, priorPrivate, plan.plannedState(),
                    plan.plannedPrivate(), config);
        }

        ProviderRpc.Planned planCall(String address, BlockSchema schema, CtyValue prior, CtyValue config,
                                     byte[] priorPrivate, List<Diag> diagnostics) {
            CtyValue proposed = TerraformRules.proposedNew(schema, prior, config);
            String typeName = address.substring(0, address.indexOf('.'));
            ProviderRpc.Planned plan = rpc.planResourceChange(typeName, prior, proposed, config, priorPrivate,
                    schema.objectType());
            record("PlanResourceChange " + address);
            TerraformRules.checkDiagnostics("PlanResourceChange " + address, plan.diagnostics(), schema);
            diagnostics.addAll(plan.diagnostics());
            if (Diag.hasErrors(plan.diagnostics())) {
                return null;
            }
            TerraformRules.checkPlan(address, schema, prior, config, plan);
            return plan;
        }

        /** Terraform replaces when a requires_replace path differs between prior and plan. */
        boolean requiresReplacement(ProviderRpc.Planned plan, CtyValue prior) {
            for (List<Diag.Step> path : plan.requiresReplace()) {
                CtyValue planned = TerraformRules.valueAt(plan.plannedState(), path);
                CtyValue before = TerraformRules.valueAt(prior, path);
                if (planned == null && before == null) {
                    throw new TerraformRules.Violation("Provider produced invalid plan: requires_replace path " + path
                            + " exists neither in the prior nor in the planned value");
                }
                // a path missing on one side stands for a null there
                boolean changed = planned == null ? !before.isNull()
                        : before == null ? !planned.isKnown() || !planned.isNull()
                        : !planned.isKnown() || !planned.equals(before);
                if (changed) {
                    return true;
                }
            }
            return false;
        }

        Change planDestroy(String address, Refreshed refreshed, List<Diag> diagnostics) {
            String typeName = refreshed.instance().typeName();
            BlockSchema schema = schemas.resource(typeName);
            CtyValue none = CtyValue.nullOf(schema.objectType());
            byte[] plannedPrivate = refreshed.instance().privateData();
            if (schemas.planDestroy()) {
                ProviderRpc.Planned plan = rpc.planResourceChange(typeName, refreshed.value(), none, none,
                        refreshed.instance().privateData(), schema.objectType());
                record("PlanResourceChange(destroy) " + address);
                TerraformRules.checkDiagnostics("PlanResourceChange(destroy) " + address, plan.diagnostics(), schema);
                diagnostics.addAll(plan.diagnostics());
                if (Diag.hasErrors(plan.diagnostics())) {
                    return null;
                }
                TerraformRules.checkPlan(address, schema, refreshed.value(), none, plan);
                plannedPrivate = plan.plannedPrivate();
            }
            return new Change(address, typeName, Action.DELETE, refreshed.value(), refreshed.instance().privateData(),
                    none, plannedPrivate, none);
        }

        /** The apply of a create, update or replace: final plan, its comparison with the first, ApplyResourceChange. */
        CtyValue applyChange(Configuration.ResourceBlock block, Change change, Map<String, CtyValue> applied,
                             List<Diag> diagnostics) {
            String address = block.address();
            BlockSchema schema = schemas.resource(block.typeName());
            CtyValue prior = CtyValue.nullOf(schema.objectType());
            byte[] priorPrivate = new byte[0];
            InstanceState stored = state.get(address);
            if (stored != null && change.action() != Action.CREATE) {
                prior = upgrade(address, stored, diagnostics);
                if (prior == null) {
                    return null;
                }
                priorPrivate = stored.privateData();
            }
            if (change.action() == Action.REPLACE) {
                if (!delete(address, schema, prior, priorPrivate, diagnostics)) {
                    return null;
                }
                prior = CtyValue.nullOf(schema.objectType());
                priorPrivate = new byte[0];
            }
            CtyValue config = Configuration.object(schema, block.attributes(), ref -> resolve(applied, ref));
            List<Diag> validation = validateResource(address, schema, config);
            diagnostics.addAll(validation);
            if (Diag.hasErrors(validation)) {
                return null;
            }
            ProviderRpc.Planned finalPlan = planCall(address, schema, prior, config, priorPrivate, diagnostics);
            if (finalPlan == null) {
                return null;
            }
            TerraformRules.checkFinalPlan(address, change.planned(), finalPlan.plannedState());
            ProviderRpc.Applied result = rpc.applyResourceChange(block.typeName(), prior, finalPlan.plannedState(), config,
                    finalPlan.plannedPrivate(), schema.objectType());
            record("ApplyResourceChange " + address);
            TerraformRules.checkDiagnostics("ApplyResourceChange " + address, result.diagnostics(), schema);
            diagnostics.addAll(result.diagnostics());
            if (result.legacyTypeSystem()) {
                throw new TerraformRules.Violation("ApplyResourceChange " + address + " set legacy_type_system");
            }
            if (Diag.hasErrors(result.diagnostics())) {
                // Terraform keeps a partial result when the provider returned one
                if (result.newState() != null && !result.newState().isNull() && result.newState().isWhollyKnown()) {
                    state.put(address, instanceState(block.typeName(), schema, result.newState(), result.privateData()));
                }
                return null;
            }
            TerraformRules.checkApplyResult(address, finalPlan.plannedState(), result.newState());
            state.put(address, instanceState(block.typeName(), schema, result.newState(), result.privateData()));
            return result.newState();
        }

        void applyDelete(Change change, List<Diag> diagnostics) {
            InstanceState stored = state.get(change.address());
            BlockSchema schema = schemas.resource(change.typeName());
            CtyValue prior = upgrade(change.address(), stored, diagnostics);
            if (prior != null) {
                delete(change.address(), schema, prior, change.plannedPrivate(), diagnostics);
            }
        }

        boolean delete(String address, BlockSchema schema, CtyValue prior, byte[] plannedPrivate, List<Diag> diagnostics) {
            String typeName = address.substring(0, address.indexOf('.'));
            CtyValue none = CtyValue.nullOf(schema.objectType());
            ProviderRpc.Applied result = rpc.applyResourceChange(typeName, prior, none, none, plannedPrivate,
                    schema.objectType());
            record("ApplyResourceChange(delete) " + address);
            TerraformRules.checkDiagnostics("ApplyResourceChange(delete) " + address, result.diagnostics(), schema);
            diagnostics.addAll(result.diagnostics());
            if (Diag.hasErrors(result.diagnostics())) {
                return false;
            }
            TerraformRules.checkApplyResult(address, none, result.newState());
            state.remove(address);
            return true;
        }

        void importInstance(Configuration.ResourceBlock block, String id, List<Diag> diagnostics) {
            String address = block.address();
            BlockSchema schema = schemas.resource(block.typeName());
            ProviderRpc.Imported imported = rpc.importResourceState(block.typeName(), id);
            record("ImportResourceState " + address);
            TerraformRules.checkDiagnostics("ImportResourceState " + address, imported.diagnostics(), schema);
            diagnostics.addAll(imported.diagnostics());
            if (Diag.hasErrors(imported.diagnostics())) {
                return;
            }
            if (imported.resources().isEmpty()) {
                throw new TerraformRules.Violation("ImportResourceState " + address + " returned no resource and no error");
            }
            ProviderRpc.ImportedResource mine = null;
            for (ProviderRpc.ImportedResource r : imported.resources()) {
                BlockSchema s = schemas.resources().get(r.typeName());
                if (s == null) {
                    throw new TerraformRules.Violation("ImportResourceState returned type " + r.typeName()
                            + " that is not in the schema (Terraform 0.13 crashes on this)");
                }
                if (r.stateMsgpack() == null) {
                    throw new TerraformRules.Violation("ImportResourceState returned a resource without state");
                }
                CtyValue value = WireValues.decode(r.stateMsgpack(), s.objectType(), "imported state");
                if (value.isNull()) {
                    throw new TerraformRules.Violation("ImportResourceState returned a null state");
                }
                if (r.typeName().equals(block.typeName())) {
                    mine = r;
                }
            }
            if (mine == null) {
                throw new TerraformRules.Violation("ImportResourceState returned no " + block.typeName());
            }
            CtyValue importedValue = WireValues.decode(mine.stateMsgpack(), schema.objectType(), "imported state");
            ProviderRpc.Read read = rpc.readResource(block.typeName(), importedValue, mine.privateData(), schema.objectType());
            record("ReadResource " + address);
            TerraformRules.checkDiagnostics("ReadResource " + address, read.diagnostics(), schema);
            diagnostics.addAll(read.diagnostics());
            if (Diag.hasErrors(read.diagnostics())) {
                return;
            }
            if (read.newState().isNull()) {
                diagnostics.add(new Diag(Diag.Severity.ERROR, "Cannot import non-existent remote object",
                        "the provider found no object for id " + id, List.of()));
                return;
            }
            TerraformRules.checkWhollyKnown("ReadResource " + address, read.newState());
            state.put(address, instanceState(block.typeName(), schema, read.newState(), read.privateData()));
        }

        /** Resources without references run with Terraform's parallelism, the others after them in order. */
        List<Change> inWaves(Configuration configuration, Function<Configuration.ResourceBlock, Change> work) {
            List<Configuration.ResourceBlock> independent = new ArrayList<>();
            List<Configuration.ResourceBlock> dependent = new ArrayList<>();
            for (Configuration.ResourceBlock block : configuration.resources()) {
                (block.hasRefs() ? dependent : independent).add(block);
            }
            Map<String, Change> results = new ConcurrentHashMap<>();
            parallel(independent, block -> {
                Change c = work.apply(block);
                if (c != null) {
                    results.put(block.address(), c);
                }
                return null;
            });
            for (Configuration.ResourceBlock block : dependent) {
                Change c = work.apply(block);
                if (c != null) {
                    results.put(block.address(), c);
                }
            }
            List<Change> ordered = new ArrayList<>();
            configuration.resources().forEach(b -> {
                if (results.containsKey(b.address())) {
                    ordered.add(results.get(b.address()));
                }
            });
            return ordered;
        }

        <I> void parallel(List<I> items, Function<I, Void> work) {
            if (items.size() <= 1 || parallelism <= 1) {
                items.forEach(work::apply);
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()));
            try {
                List<Future<Void>> futures = items.stream().map(i -> pool.submit(() -> work.apply(i))).toList();
                for (Future<Void> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        if (e.getCause() instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The attributes that differ between two objects, for messages. */
    public static String describeDifference(CtyValue before, CtyValue after) {
        if (before == null || before.isNull() || after == null || after.isNull() || !before.isKnown() || !after.isKnown()) {
            return " (" + before + " -> " + after + ")";
        }
        StringBuilder b = new StringBuilder();
        before.asMap().forEach((name, value) -> {
            CtyValue other = after.getAttr(name);
            if (!value.equals(other)) {
                String from = String.valueOf(value);
                String to = String.valueOf(other);
                b.append("\n      ").append(name).append(": ").append(shorten(from)).append(" -> ").append(shorten(to));
            }
        });
        return b.toString();
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
    }
}
