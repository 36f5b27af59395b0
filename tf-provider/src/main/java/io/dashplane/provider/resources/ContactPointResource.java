package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyJson;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.ListBlock;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;
import io.dashplane.schema.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_contact_point} (docs/resources/contact_point.md): a named set of integrations, one
 * nested block per integration ({@code email { ... }}, {@code slack { ... }}, ..., and {@code integration}
 * for any other type). Secret settings are write-only on the server: the state keeps the values Terraform
 * last wrote. Schema version 1; version 0 held one list-of-maps attribute per type ({@link #upgradeState}).
 */
public final class ContactPointResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_contact_point";
    private static final Schema SCHEMA = buildSchema();

    private static Schema buildSchema() {
        List<Attr> attributes = new ArrayList<>();
        attributes.add(Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                .description("generated when absent; changing it replaces the contact point"));
        attributes.add(Attr.string("name").required().validate(Validators.notBlank())
                .description("contact point name (the receiver name policies and rules use), unique in the environment"));
        attributes.add(Common.environment("contact point"));
        attributes.add(Common.id());
        attributes.add(Common.version());
        return Schema.of(1, "A contact point: a named set of notification integrations, one block per integration.",
                attributes, ContactPointIntegrations.BLOCKS.stream().map(IntegrationBlock::listBlock).toList());
    }

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void validateConfig(Values config, Diagnostics diagnostics) {
        for (IntegrationBlock block : ContactPointIntegrations.BLOCKS) {
            CtyValue blocks = config.get(block.name());
            if (!blocks.isKnown() || (blocks.isPresent() && blocks.length() > 0)) {
                return;
            }
        }
        diagnostics.error("Contact point without integrations", "add at least one integration block ("
                + String.join(", ", ContactPointIntegrations.BLOCKS.stream().map(IntegrationBlock::name).toList()) + ")");
    }

    @Override
    public void modifyPlan(PlanContext<ProviderData> plan) {
        Common.planEnvironmentAndId(plan);
        if (plan.isCreate()) {
            return;
        }
        for (IntegrationBlock block : ContactPointIntegrations.BLOCKS) {
            String name = block.name();
            if (!plan.planned().isKnown(name)) {
                continue;
            }
            List<Values> planned = plan.planned().blocks(name);
            List<Values> matched = IntegrationIdentity.match(plan.config().blocks(name), planned, plan.prior().blocks(name));
            if (!matched.equals(planned)) {
                plan.setBlocks(name, matched);
            }
        }
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(planned, context.provider());
        Body body = body(planned);
        ObjectNode created = ApiErrors.call("creating contact point \"" + planned.getString("name") + "\"", body.pointers(),
                () -> AlertingSupport.alerting(context).createContactPoint(environment, body.json()));
        return state(planned, environment, created, true);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String uid = state.getString(UID);
        return ApiErrors.call("reading contact point " + ObjectId.of(environment, uid), null,
                        () -> AlertingSupport.alerting(context).getContactPoint(environment, uid))
                .map(contactPoint -> state(state, environment, contactPoint, false))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        Body body = body(planned);
        body.json().put("uid", uid);
        ObjectNode written = ApiErrors.call("updating contact point " + ObjectId.of(environment, uid), body.pointers(),
                () -> AlertingSupport.alerting(context).putContactPoint(environment, uid, body.json(), prior.getLong(VERSION)).body());
        return state(planned, environment, written, true);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        String what = "deleting contact point " + ObjectId.of(environment, uid);
        AlertingClient client = AlertingSupport.alerting(context);
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION), ApiErrors.call(what, null, () -> client.getContactPoint(environment, uid)))) {
            ApiErrors.run(what, null, () -> client.deleteContactPoint(environment, uid));
        }
    }

    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        ObjectId objectId = ObjectId.parseImportId(id, context.provider().environment());
        ObjectNode contactPoint = ApiErrors.call("importing contact point " + objectId, null,
                        () -> AlertingSupport.alerting(context).getContactPoint(objectId.environment(), objectId.uid()))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent contact point",
                        "there is no contact point with uid \"" + objectId.uid() + "\" in environment \"" + objectId.environment() + "\""));
        return state(SCHEMA.withEmptyBlocks(Values.empty(SCHEMA.objectType())), objectId.environment(), contactPoint, false);
    }

    /**
     * Version 0 held one attribute per type, a list of string maps with Grafana's setting names (plus the keys
     * {@code uid} and {@code disable_resolve_message}); each map becomes a block of that type.
     */
    @Override
    public ObjectNode upgradeState(long version, ObjectNode rawState) {
        if (version != 0) {
            return rawState;
        }
        ObjectNode upgraded = rawState.deepCopy();
        for (IntegrationBlock block : ContactPointIntegrations.BLOCKS) {
            JsonNode legacy = rawState.path(block.name());
            List<CtyValue> blocks = new ArrayList<>();
            if (legacy.isArray() && !block.name().equals(ContactPointIntegrations.GENERIC)) {
                for (JsonNode settings : legacy) {
                    Map<String, String> map = new LinkedHashMap<>();
                    settings.fields().forEachRemaining(e -> {
                        if (!e.getValue().isNull()) {
                            map.put(e.getKey(), e.getValue().asText());
                        }
                    });
                    blocks.add(block.fromJson(IntegrationBlock.legacyIntegration(block.name(), map), null).toCty());
                }
            }
            ListBlock listBlock = block.listBlock();
            try {
                upgraded.set(block.name(), Json.mapper().readTree(CtyJson.encode(CtyValue.list(listBlock.elementType(), blocks),
                        listBlock.type())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return upgraded;
    }

    /** A request body and the mapping of its JSON pointers to the blocks they came from. */
    private record Body(ObjectNode json, ApiErrors.PointerMapping pointers) {
    }

    private record Sent(IntegrationBlock block, int index) {
    }

    private static Body body(Values planned) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        // unknown on create without a configured uid: the server generates it
        AlertingSupport.putIfPresent(body, "uid", planned.isKnown(UID) ? planned.getString(UID) : null);
        body.put("name", planned.getString("name"));
        ArrayNode integrations = body.putArray("integrations");
        List<Sent> sent = new ArrayList<>();
        for (IntegrationBlock block : ContactPointIntegrations.BLOCKS) {
            List<Values> blocks = planned.blocks(block.name());
            for (int i = 0; i < blocks.size(); i++) {
                integrations.add(block.toJson(blocks.get(i)));
                sent.add(new Sent(block, i));
            }
        }
        return new Body(body, pointer -> locate(pointer, sent));
    }

    /** "/integrations/3/settings/url" names the url attribute of the block sent fourth, e.g. slack[1].url. */
    private static ApiErrors.Located locate(String pointer, List<Sent> sent) {
        String[] parts = pointer.split("/");
        if (parts.length >= 2 && (parts[1].equals("name") || parts[1].equals("uid"))) {
            return new ApiErrors.Located(parts[1], "");
        }
        if (parts.length < 3 || !parts[1].equals("integrations") || !parts[2].matches("\\d{1,9}")
                || Integer.parseInt(parts[2]) >= sent.size()) {
            return null;
        }
        Sent integration = sent.get(Integer.parseInt(parts[2]));
        AttributePath block = AttributePath.of(integration.block().name()).index(integration.index());
        if (parts.length == 3) {
            return new ApiErrors.Located(block, "");
        }
        if (parts[3].equals("uid")) {
            return new ApiErrors.Located(block.attr(IntegrationBlock.UID), "");
        }
        if (parts[3].equals("type")) {
            return new ApiErrors.Located(block, "");
        }
        if (parts[3].equals("settings") && parts.length >= 5) {
            String attribute = integration.block().attributeOf(parts[4]);
            return attribute != null ? new ApiErrors.Located(block.attr(attribute), "")
                    : new ApiErrors.Located(block.attr(IntegrationBlock.SETTINGS), "setting " + parts[4] + ": ");
        }
        return new ApiErrors.Located(block, "");
    }

    /**
     * The state for a server contact point. {@code base} supplies the prior blocks: after a write they are the
     * planned blocks, which the server keeps in the order sent ({@code byPosition}); on refresh or import the
     * state's blocks, matched by integration uid.
     */
    private static Values state(Values base, String environment, ObjectNode contactPoint, boolean byPosition) {
        String uid = Common.text(contactPoint, "uid");
        Map<String, List<Values>> byBlock = new HashMap<>();
        JsonNode integrations = contactPoint.has("integrations") ? contactPoint.get("integrations") : contactPoint.path("receivers");
        for (JsonNode integration : integrations) {
            IntegrationBlock block = ContactPointIntegrations.blockFor(Common.text(integration, "type"));
            List<Values> blocks = byBlock.computeIfAbsent(block.name(), name -> new ArrayList<>());
            List<Values> prior = base.isKnown(block.name()) ? base.blocks(block.name()) : List.of();
            blocks.add(block.fromJson(integration, byPosition ? at(prior, blocks.size())
                    : IntegrationIdentity.priorOf(integration, blocks.size(), prior)));
        }
        Values state = base.with(UID, uid).with("name", Common.text(contactPoint, "name"));
        for (IntegrationBlock block : ContactPointIntegrations.BLOCKS) {
            state = state.withBlocks(block.name(), byBlock.getOrDefault(block.name(), List.of()));
        }
        return state.with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(contactPoint, "version"));
    }

    private static Values at(List<Values> blocks, int index) {
        return index < blocks.size() ? blocks.get(index) : null;
    }
}
