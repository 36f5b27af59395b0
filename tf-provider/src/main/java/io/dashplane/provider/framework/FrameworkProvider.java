package io.dashplane.provider.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyException;
import io.dashplane.provider.cty.CtyJson;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.cty.ObjectValue;
import io.dashplane.provider.protocol.ApplyResourceChangeRequest;
import io.dashplane.provider.protocol.ApplyResourceChangeResponse;
import io.dashplane.provider.protocol.ConfigureProviderRequest;
import io.dashplane.provider.protocol.ConfigureProviderResponse;
import io.dashplane.provider.protocol.GetMetadataResponse;
import io.dashplane.provider.protocol.GetProviderSchemaResponse;
import io.dashplane.provider.protocol.ImportResourceStateRequest;
import io.dashplane.provider.protocol.ImportResourceStateResponse;
import io.dashplane.provider.protocol.ImportedResource;
import io.dashplane.provider.protocol.PlanResourceChangeRequest;
import io.dashplane.provider.protocol.PlanResourceChangeResponse;
import io.dashplane.provider.protocol.ProviderProtocol;
import io.dashplane.provider.protocol.ReadDataSourceRequest;
import io.dashplane.provider.protocol.ReadDataSourceResponse;
import io.dashplane.provider.protocol.ReadResourceRequest;
import io.dashplane.provider.protocol.ReadResourceResponse;
import io.dashplane.provider.protocol.ServerCapabilities;
import io.dashplane.provider.protocol.StopProviderResponse;
import io.dashplane.provider.protocol.UpgradeResourceStateRequest;
import io.dashplane.provider.protocol.UpgradeResourceStateResponse;
import io.dashplane.provider.protocol.ValidateDataResourceConfigRequest;
import io.dashplane.provider.protocol.ValidateProviderConfigRequest;
import io.dashplane.provider.protocol.ValidateResourceConfigRequest;
import io.dashplane.provider.protocol.ValidationResponse;
import io.dashplane.schema.json.Json;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Serves a {@link ProviderDefinition} over the protocol-neutral {@link ProviderProtocol}: decodes
 * msgpack values against the schemas, runs validators and the {@link PlanRules}, calls the resource
 * methods and encodes the answers. One code path for protocol 5 and 6. Thread-safe: the only mutable
 * state is the configured provider data, published through a volatile field.
 */
public final class FrameworkProvider<P> implements ProviderProtocol {
    private final ProviderDefinition<P> definition;
    private final Map<String, Resource<P>> resources = new LinkedHashMap<>();
    private final Map<String, DataSource<P>> dataSources = new LinkedHashMap<>();
    private volatile P provider;
    /** Threads running calls that may talk to the server; interrupted by StopProvider to cancel their HTTP requests. */
    private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();

    public FrameworkProvider(ProviderDefinition<P> definition) {
        this.definition = definition;
        for (Resource<P> resource : definition.resources()) {
            if (resources.put(resource.typeName(), resource) != null) {
                throw new IllegalArgumentException("duplicate resource type " + resource.typeName());
            }
        }
        for (DataSource<P> dataSource : definition.dataSources()) {
            if (dataSources.put(dataSource.typeName(), dataSource) != null) {
                throw new IllegalArgumentException("duplicate data source type " + dataSource.typeName());
            }
        }
    }

    /** The configured provider data, or null before (or after a failed) ConfigureProvider. */
    public P configuredProvider() {
        return provider;
    }

    @Override
    public GetMetadataResponse getMetadata() {
        return new GetMetadataResponse(capabilities(), List.of(),
                List.copyOf(resources.keySet()), List.copyOf(dataSources.keySet()));
    }

    @Override
    public GetProviderSchemaResponse getProviderSchema() {
        Map<String, io.dashplane.provider.protocol.Schema> resourceSchemas = new LinkedHashMap<>();
        resources.forEach((name, resource) -> resourceSchemas.put(name, resource.schema().toProtocol()));
        Map<String, io.dashplane.provider.protocol.Schema> dataSourceSchemas = new LinkedHashMap<>();
        dataSources.forEach((name, dataSource) -> dataSourceSchemas.put(name, dataSource.schema().toProtocol()));
        return new GetProviderSchemaResponse(definition.schema().toProtocol(), resourceSchemas, dataSourceSchemas,
                null, capabilities(), List.of());
    }

    /**
     * Plan-destroy, and the schema as optional: Terraform (1.6 and newer) then takes the schema it already holds
     * for every further provider process of the same command instead of asking each one for it again.
     */
    private static ServerCapabilities capabilities() {
        return new ServerCapabilities(true, true);
    }

    @Override
    public ValidationResponse validateProviderConfig(ValidateProviderConfigRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        run(diagnostics, () -> {
            Values config = decode(request.config(), definition.schema());
            validateAttributes(definition.schema(), config, diagnostics);
            definition.validateConfig(config, diagnostics);
        });
        return new ValidationResponse(diagnostics.toList());
    }

    @Override
    public ValidationResponse validateResourceConfig(ValidateResourceConfigRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        run(diagnostics, () -> {
            Resource<P> resource = resource(request.typeName());
            Values config = decode(request.config(), resource.schema());
            validateAttributes(resource.schema(), config, diagnostics);
            resource.validateConfig(config, diagnostics);
        });
        return new ValidationResponse(diagnostics.toList());
    }

    @Override
    public ValidationResponse validateDataResourceConfig(ValidateDataResourceConfigRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        run(diagnostics, () -> {
            DataSource<P> dataSource = dataSource(request.typeName());
            Values config = decode(request.config(), dataSource.schema());
            validateAttributes(dataSource.schema(), config, diagnostics);
            dataSource.validateConfig(config, diagnostics);
        });
        return new ValidationResponse(diagnostics.toList());
    }

    private static void validateAttributes(Schema schema, Values config, Diagnostics diagnostics) {
        if (config == null) {
            return;
        }
        validateAttributes(schema.attributes().values(), config, AttributePath.root(), diagnostics);
        for (ListBlock block : schema.blocks().values()) {
            CtyValue blocks = config.get(block.name());
            if (!blocks.isKnown()) {
                continue;
            }
            List<Values> elements = config.blocks(block.name());
            AttributePath path = AttributePath.of(block.name());
            if (elements.size() < block.minItems() || (block.maxItems() > 0 && elements.size() > block.maxItems())) {
                diagnostics.error(path, "Wrong number of " + block.name() + " blocks", "expected "
                        + (block.maxItems() == 0 ? "at least " + block.minItems() : block.minItems() + " to " + block.maxItems())
                        + ", got " + elements.size());
            }
            for (int i = 0; i < elements.size(); i++) {
                validateAttributes(block.attributes().values(), elements.get(i), path.index(i), diagnostics);
            }
        }
    }

    private static void validateAttributes(Collection<Attr> attributes, Values values, AttributePath parent,
                                           Diagnostics diagnostics) {
        for (Attr attribute : attributes) {
            CtyValue value = values.get(attribute.name());
            if (value.isPresent() && value.isWhollyKnown()) {
                for (Validator validator : attribute.validators()) {
                    validator.validate(parent.attr(attribute.name()), value, diagnostics);
                }
            }
        }
    }

    @Override
    public UpgradeResourceStateResponse upgradeResourceState(UpgradeResourceStateRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        byte[] upgraded = call(diagnostics, () -> {
            Resource<P> resource = resource(request.typeName());
            Schema schema = resource.schema();
            if (request.rawStateJson() == null) {
                throw new ProviderException("Unsupported state format",
                        "the state of this " + request.typeName() + " is in the legacy flatmap format, which this "
                                + "provider never wrote; remove it from the state and import the object again");
            }
            if (request.version() > schema.version()) {
                throw new ProviderException("State written by a newer provider",
                        "the state has schema version " + request.version() + " but this provider knows version "
                                + schema.version() + "; upgrade the provider");
            }
            ObjectNode raw = parseObject(request.rawStateJson());
            ObjectNode current = request.version() < schema.version() ? resource.upgradeState(request.version(), raw) : raw;
            CtyValue decoded;
            try {
                decoded = CtyJson.decode(current, schema.objectType());
            } catch (CtyException e) {
                throw new ProviderException("Invalid state", "the stored state of this " + request.typeName()
                        + " does not fit its schema: " + e.getMessage());
            }
            if (!(decoded instanceof ObjectValue object)) {
                throw new ProviderException("Invalid state", "the stored state of this " + request.typeName() + " is not an object");
            }
            return encode(schema.withEmptyBlocks(new Values(object)), schema);
        });
        return new UpgradeResourceStateResponse(upgraded, diagnostics.toList());
    }

    private static ObjectNode parseObject(byte[] json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new ProviderException("Invalid state", "the stored state is not a JSON object");
        } catch (IOException e) {
            throw new ProviderException("Invalid state", "the stored state is not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public ConfigureProviderResponse configureProvider(ConfigureProviderRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        run(diagnostics, () -> {
            Values config = decode(request.config(), definition.schema());
            P configured = definition.configure(config, diagnostics);
            if (!diagnostics.hasErrors()) {
                provider = configured;
            }
        });
        return new ConfigureProviderResponse(diagnostics.toList());
    }

    @Override
    public ReadResourceResponse readResource(ReadResourceRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        ResourceContext<P> context = new ResourceContext<>(provider, diagnostics, request.privateState());
        byte[] newState = call(diagnostics, () -> tracked(() -> {
            Resource<P> resource = resource(request.typeName());
            Values current = decode(request.currentState(), resource.schema());
            if (current == null) {
                return null;
            }
            Values read = resource.read(current, context);
            if (read == null) {
                return null;
            }
            Values consistent = PlanRules.afterRead(resource.schema(), current, resource.schema().withEmptyBlocks(read));
            requireWhollyKnown(consistent, "ReadResource", request.typeName());
            return encode(consistent, resource.schema());
        }), request.currentState());
        return new ReadResourceResponse(newState, context.privateState(), diagnostics.toList());
    }

    @Override
    public PlanResourceChangeResponse planResourceChange(PlanResourceChangeRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        PlanRules.Plan[] result = new PlanRules.Plan[1];
        byte[] planned = call(diagnostics, () -> {
            Resource<P> resource = resource(request.typeName());
            Schema schema = resource.schema();
            PlanRules.Plan plan = PlanRules.plan(schema, decode(request.priorState(), schema),
                    decode(request.config(), schema), decode(request.proposedNewState(), schema),
                    resource, provider, diagnostics);
            result[0] = plan;
            return plan.planned() == null ? encodeNull(schema) : encode(plan.planned(), schema);
        });
        List<io.dashplane.provider.protocol.AttributePath> replace = result[0] == null ? List.of()
                : result[0].requiresReplace().stream().map(Diagnostics::toProtocol).toList();
        return new PlanResourceChangeResponse(planned, replace, request.priorPrivate(), diagnostics.toList());
    }

    @Override
    public ApplyResourceChangeResponse applyResourceChange(ApplyResourceChangeRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        ResourceContext<P> context = new ResourceContext<>(provider, diagnostics, request.plannedPrivate());
        byte[] newState = call(diagnostics, () -> tracked(() -> {
            Resource<P> resource = resource(request.typeName());
            Schema schema = resource.schema();
            Values prior = decode(request.priorState(), schema);
            Values planned = decode(request.plannedState(), schema);
            if (planned == null) {
                resource.delete(prior, context);
                return encodeNull(schema);
            }
            Values result = prior == null ? resource.create(planned, context) : resource.update(prior, planned, context);
            Values consistent = PlanRules.afterApply(schema, planned, schema.withEmptyBlocks(result));
            requireWhollyKnown(consistent, "ApplyResourceChange", request.typeName());
            List<String> broken = PlanRules.inconsistentWithPlan(planned, consistent);
            if (!broken.isEmpty()) {
                diagnostics.warning("Server changed planned values",
                        "the config server stored values different from the plan for " + String.join(", ", broken)
                                + " of " + request.typeName() + "; Terraform may report an inconsistent result");
            }
            return encode(consistent, schema);
        }), request.priorState());
        return new ApplyResourceChangeResponse(newState, context.privateState(), diagnostics.toList());
    }

    @Override
    public ImportResourceStateResponse importResourceState(ImportResourceStateRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        ResourceContext<P> context = new ResourceContext<>(provider, diagnostics, null);
        byte[] state = call(diagnostics, () -> tracked(() -> {
            Resource<P> resource = resource(request.typeName());
            Values imported = resource.importState(request.id(), context);
            return imported == null ? null : encode(resource.schema().withEmptyBlocks(imported), resource.schema());
        }));
        List<ImportedResource> imported = state == null || diagnostics.hasErrors() ? List.of()
                : List.of(new ImportedResource(request.typeName(), state, context.privateState()));
        return new ImportResourceStateResponse(imported, diagnostics.toList());
    }

    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        ResourceContext<P> context = new ResourceContext<>(provider, diagnostics, null);
        byte[] state = call(diagnostics, () -> tracked(() -> {
            DataSource<P> dataSource = dataSource(request.typeName());
            Values config = decode(request.config(), dataSource.schema());
            Values read = dataSource.read(config, context);
            requireWhollyKnown(read, "ReadDataSource", request.typeName());
            return encode(read, dataSource.schema());
        }));
        return new ReadDataSourceResponse(state, diagnostics.toList());
    }

    @Override
    public StopProviderResponse stopProvider() {
        inFlight.forEach(Thread::interrupt);
        definition.stop(provider);
        return StopProviderResponse.OK;
    }

    private Resource<P> resource(String typeName) {
        Resource<P> resource = resources.get(typeName);
        if (resource == null) {
            throw new ProviderException("Unknown resource type", "this provider has no resource type " + typeName);
        }
        return resource;
    }

    private DataSource<P> dataSource(String typeName) {
        DataSource<P> dataSource = dataSources.get(typeName);
        if (dataSource == null) {
            throw new ProviderException("Unknown data source", "this provider has no data source " + typeName);
        }
        return dataSource;
    }

    /** Null for absent bytes or a null object. */
    static Values decode(byte[] msgpack, Schema schema) {
        if (msgpack == null || msgpack.length == 0) {
            return null;
        }
        CtyValue value;
        try {
            value = CtyMsgpack.decode(msgpack, schema.objectType());
        } catch (CtyException e) {
            throw new ProviderException("Invalid value from Terraform", e.getMessage());
        }
        if (value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectValue object)) {
            throw new ProviderException("Invalid value from Terraform", "expected an object, got an unknown value");
        }
        return new Values(object);
    }

    static byte[] encode(Values values, Schema schema) {
        return CtyMsgpack.encode(values.toCty(), schema.objectType());
    }

    static byte[] encodeNull(Schema schema) {
        ObjectType type = schema.objectType();
        return CtyMsgpack.encode(CtyValue.nullOf(type), type);
    }

    private static void requireWhollyKnown(Values values, String rpc, String typeName) {
        if (!values.toCty().isWhollyKnown()) {
            throw new IllegalStateException(rpc + " of " + typeName + " produced unknown values");
        }
    }

    /** Runs {@code body} as an in-flight call that StopProvider can interrupt; clears the interrupt afterwards. */
    private byte[] tracked(Supplier<byte[]> body) {
        Thread thread = Thread.currentThread();
        inFlight.add(thread);
        try {
            return body.get();
        } finally {
            inFlight.remove(thread);
            Thread.interrupted();
        }
    }

    private static void run(Diagnostics diagnostics, Runnable body) {
        call(diagnostics, () -> {
            body.run();
            return null;
        });
    }

    private static byte[] call(Diagnostics diagnostics, Supplier<byte[]> body) {
        return call(diagnostics, body, null);
    }

    /** Runs a call; on a {@link ProviderException} its diagnostics are reported and {@code onError} is the answer. */
    private static byte[] call(Diagnostics diagnostics, Supplier<byte[]> body, byte[] onError) {
        try {
            return body.get();
        } catch (ProviderException e) {
            diagnostics.addAll(e.diagnostics());
            return onError;
        }
    }
}
