package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;
import io.dashplane.schema.alerting.IntegrationTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_contact_point} (docs/resources/contact_point.md): a named set of integrations. Each
 * integration type is an attribute holding a list of settings maps (Grafana's setting names; the keys
 * {@code uid} and {@code disable_resolve_message} are the integration's own fields). Secret settings are
 * write-only on the server: a read keeps the values Terraform last wrote.
 */
public final class ContactPointResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_contact_point";
    static final String INTEGRATION_UID = "uid";
    static final String DISABLE_RESOLVE = "disable_resolve_message";
    /** The integration types with an attribute, in the order integrations are sent. */
    static final List<String> TYPES = List.of(IntegrationTypes.EMAIL, IntegrationTypes.SLACK, IntegrationTypes.PAGERDUTY,
            IntegrationTypes.WEBHOOK, IntegrationTypes.TEAMS, IntegrationTypes.OPSGENIE, IntegrationTypes.TELEGRAM,
            IntegrationTypes.DISCORD, IntegrationTypes.GOOGLECHAT);
    private static final CtyType SETTINGS = CtyType.map(CtyType.STRING);
    private static final CtyType INTEGRATIONS = CtyType.list(SETTINGS);
    private static final Schema SCHEMA = buildSchema();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema buildSchema() {
        List<Attr> attributes = new ArrayList<>();
        attributes.add(Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                .description("generated when absent; changing it replaces the contact point"));
        attributes.add(Attr.string("name").required().validate(Validators.notBlank())
                .description("contact point name (the receiver name policies and rules use), unique in the environment"));
        for (String type : TYPES) {
            Attr attribute = Attr.of(type, INTEGRATIONS).optional().description(type + " integrations: one map of Grafana's "
                    + type + " settings each (values are strings; \"true\"/\"false\" are sent as booleans, JSON objects as"
                    + " objects); optional keys uid and disable_resolve_message"
                    + (IntegrationTypes.secretSettings(type).isEmpty() ? ""
                    : "; secret settings (" + String.join(", ", IntegrationTypes.secretSettings(type)) + ") are never read back"));
            if (!IntegrationTypes.secretSettings(type).isEmpty()) {
                attribute.sensitive();
            }
            attributes.add(attribute);
        }
        attributes.add(Common.environment("contact point"));
        attributes.add(Common.id());
        attributes.add(Common.version());
        return Schema.of(0, "A contact point: a named set of notification integrations.", attributes);
    }

    private static final ApiErrors.PointerMapping POINTERS = pointer -> {
        String[] parts = pointer.split("/", 3);
        if (parts.length >= 2 && parts[1].equals("name")) {
            return new ApiErrors.Located("name", "");
        }
        if (parts.length >= 2 && parts[1].equals("uid")) {
            return new ApiErrors.Located(UID, "");
        }
        return null;
    };

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
        boolean any = false;
        for (String type : TYPES) {
            CtyValue value = config.get(type);
            if (!value.isKnown() || (value.isPresent() && value.length() > 0)) {
                any = true;
            }
        }
        if (!any) {
            diagnostics.error("Contact point without integrations",
                    "set at least one of " + String.join(", ", TYPES));
        }
    }

    @Override
    public void modifyPlan(PlanContext<ProviderData> plan) {
        Common.planEnvironmentAndId(plan);
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(planned, context.provider());
        ObjectNode created = ApiErrors.call("creating contact point \"" + planned.getString("name") + "\"", POINTERS,
                () -> AlertingSupport.alerting(context).createContactPoint(environment, body(planned)));
        return state(planned, environment, created);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String uid = state.getString(UID);
        return ApiErrors.call("reading contact point " + ObjectId.of(environment, uid), null,
                        () -> AlertingSupport.alerting(context).getContactPoint(environment, uid))
                .map(contactPoint -> state(state, environment, contactPoint))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        ObjectNode body = body(planned).put("uid", uid);
        ObjectNode written = ApiErrors.call("updating contact point " + ObjectId.of(environment, uid), POINTERS,
                () -> AlertingSupport.alerting(context).putContactPoint(environment, uid, body, prior.getLong(VERSION)).body());
        return state(planned, environment, written);
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
        return state(Values.empty(SCHEMA.objectType()), objectId.environment(), contactPoint);
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = JSON.createObjectNode();
        AlertingSupport.putIfPresent(body, "uid", planned.getString(UID));
        body.put("name", planned.getString("name"));
        ArrayNode integrations = body.putArray("integrations");
        for (String type : TYPES) {
            for (Map<String, String> settings : settingsList(planned, type)) {
                ObjectNode integration = integrations.addObject();
                Map<String, String> rest = new TreeMap<>(settings);
                String uid = rest.remove(INTEGRATION_UID);
                String disableResolve = rest.remove(DISABLE_RESOLVE);
                if (uid != null) {
                    integration.put("uid", uid);
                }
                integration.put("type", type);
                ObjectNode settingsJson = integration.putObject("settings");
                rest.forEach((key, value) -> settingsJson.set(key, AlertingSupport.settingJson(value)));
                if (disableResolve != null) {
                    integration.put("disableResolveMessage", Boolean.parseBoolean(disableResolve));
                }
            }
        }
        return body;
    }

    private static List<Map<String, String>> settingsList(Values values, String type) {
        CtyValue list = values.get(type);
        List<Map<String, String>> out = new ArrayList<>();
        if (list.isPresent()) {
            for (CtyValue element : list.elements()) {
                Map<String, String> settings = new LinkedHashMap<>();
                if (element.isPresent()) {
                    element.asMap().forEach((key, value) -> {
                        if (value.isPresent()) {
                            settings.put(key, value.asString());
                        }
                    });
                }
                out.add(settings);
            }
        }
        return out;
    }

    private static Values state(Values base, String environment, ObjectNode contactPoint) {
        String uid = Common.text(contactPoint, "uid");
        Map<String, List<CtyValue>> byType = new HashMap<>();
        JsonNode integrations = contactPoint.has("integrations") ? contactPoint.get("integrations") : contactPoint.path("receivers");
        for (JsonNode integration : integrations) {
            String type = Common.text(integration, "type");
            if (!TYPES.contains(type)) {
                continue;
            }
            List<CtyValue> ofType = byType.computeIfAbsent(type, t -> new ArrayList<>());
            List<Map<String, String>> priorList = settingsList(base, type);
            Map<String, String> prior = ofType.size() < priorList.size() ? priorList.get(ofType.size()) : Map.of();
            ofType.add(settingsValue(integration, prior));
        }
        Values state = base.with(UID, uid).with("name", Common.text(contactPoint, "name"));
        for (String type : TYPES) {
            List<CtyValue> ofType = byType.get(type);
            if (ofType == null && AlertingSupport.priorNull(base, type)) {
                state = state.withNull(type);
            } else {
                state = state.with(type, CtyValue.list(SETTINGS, ofType == null ? List.of() : ofType));
            }
        }
        return state.with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(contactPoint, "version"));
    }

    /** The server's settings, the prior values of secret settings, uid and disable flag as configured. */
    private static CtyValue settingsValue(JsonNode integration, Map<String, String> prior) {
        Map<String, CtyValue> entries = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = integration.path("settings").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                entries.put(field.getKey(), CtyValue.string(AlertingSupport.settingText(field.getValue())));
            }
        }
        integration.path("secureFields").fields().forEachRemaining(secure -> {
            String top = secure.getKey().split("\\.", 2)[0];
            if (secure.getValue().asBoolean() && prior.containsKey(top)) {
                entries.put(top, CtyValue.string(prior.get(top)));
            }
        });
        if (prior.containsKey(INTEGRATION_UID) && integration.hasNonNull("uid")) {
            entries.put(INTEGRATION_UID, CtyValue.string(integration.get("uid").asText()));
        }
        boolean disableResolve = integration.path("disableResolveMessage").asBoolean(false);
        if (disableResolve || prior.containsKey(DISABLE_RESOLVE)) {
            entries.put(DISABLE_RESOLVE, CtyValue.string(Boolean.toString(disableResolve)));
        }
        return CtyValue.map(CtyType.STRING, entries);
    }
}
