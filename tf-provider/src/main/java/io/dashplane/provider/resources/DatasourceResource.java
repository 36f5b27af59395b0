package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.SemanticEquality;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/** {@code dashplane_datasource}: a datasource with Grafana's fields (docs/resources/datasource.md). */
public final class DatasourceResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_datasource";
    static final String JSON_DATA = "json_data_encoded";
    static final String SECURE_JSON_DATA = "secure_json_data_encoded";
    private static final Schema SCHEMA = Schema.of(0, "A datasource with Grafana's datasource fields.",
            Attr.string("name").required().validate(Validators.notBlank()).description("datasource name, unique per environment"),
            Attr.string("type").required().validate(Validators.notBlank()).description("plugin type: prometheus, loki, postgres, ..."),
            Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                    .description("generated when absent; changing it replaces the datasource"),
            Attr.string("access").defaultValue("proxy").validate(Validators.oneOf("proxy", "direct"))
                    .description("proxy or direct"),
            Attr.string("url").optional(),
            Attr.bool("basic_auth_enabled").defaultValue(false),
            Attr.string("basic_auth_username").optional(),
            Attr.string("username").optional(),
            Attr.string("database_name").optional(),
            Attr.bool("is_default").defaultValue(false),
            Attr.string(JSON_DATA).optional().semanticEquality(SemanticEquality.json()).validate(Validators.jsonObject())
                    .description("JSON object of plugin settings; compared as JSON"),
            Attr.string(SECURE_JSON_DATA).optional().sensitive().validate(Validators.secretJsonObject())
                    .description("JSON object of secret settings; write-only on the server, never read back"),
            Common.environment("datasource"),
            Common.id(),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.ofEntries(
            Map.entry("name", "name"), Map.entry("type", "type"), Map.entry("uid", UID), Map.entry("access", "access"),
            Map.entry("url", "url"), Map.entry("basicAuth", "basic_auth_enabled"),
            Map.entry("basicAuthUser", "basic_auth_username"), Map.entry("user", "username"),
            Map.entry("database", "database_name"), Map.entry("isDefault", "is_default"),
            Map.entry("jsonData", JSON_DATA), Map.entry("secureJsonData", SECURE_JSON_DATA)));

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void modifyPlan(PlanContext<ProviderData> plan) {
        Common.planEnvironmentAndId(plan);
        Common.recordPlanned(plan, (planned, environment) -> planned.datasource(environment, Common.known(plan.planned(), UID), Common.known(plan.planned(), "name")));
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(planned, context.provider());
        ObjectNode body = body(client.mapper(), planned, null);
        ObjectNode created = ApiErrors.call("creating datasource \"" + planned.getString("name") + "\"", POINTERS,
                () -> client.createDatasource(environment, body));
        return state(client.mapper(), planned, environment, created);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(state, context.provider());
        String uid = state.getString(UID);
        return ApiErrors.call("reading datasource " + ObjectId.of(environment, uid), null,
                () -> client.getDatasource(environment, uid))
                .map(datasource -> state(client.mapper(), state, environment, datasource))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        ObjectNode body = body(client.mapper(), planned, prior);
        ObjectNode written = ApiErrors.call("updating datasource " + ObjectId.of(environment, uid), POINTERS,
                () -> client.putDatasource(environment, uid, body, prior.getLong(VERSION)).body());
        return state(client.mapper(), planned, environment, written);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        String what = "deleting datasource " + ObjectId.of(environment, uid);
        DashplaneClient client = context.provider().client();
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION), ApiErrors.call(what, null, () -> client.getDatasource(environment, uid)))) {
            ApiErrors.run(what, null, () -> client.deleteDatasource(environment, uid));
        }
    }

    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        ObjectId objectId = ObjectId.parseImportId(id, context.provider().environment());
        ObjectNode datasource = ApiErrors.call("importing datasource " + objectId, null,
                () -> client.getDatasource(objectId.environment(), objectId.uid()))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent datasource",
                        "there is no datasource with uid \"" + objectId.uid() + "\" in environment \"" + objectId.environment() + "\""));
        return state(client.mapper(), Values.empty(SCHEMA.objectType()), objectId.environment(), datasource);
    }

    /**
     * The request body. Secrets: the configured object when set; {@code {}} clears them when the
     * configuration dropped them; absent (keep what is stored) when Terraform never managed them.
     */
    private static ObjectNode body(ObjectMapper mapper, Values planned, Values prior) {
        ObjectNode body = mapper.createObjectNode();
        if (planned.isPresent(UID)) {
            body.put("uid", planned.getString(UID));
        }
        body.put("name", planned.getString("name"));
        body.put("type", planned.getString("type"));
        body.put("access", planned.getString("access"));
        body.put("url", orEmpty(planned.getString("url")));
        body.put("basicAuth", Boolean.TRUE.equals(planned.getBool("basic_auth_enabled")));
        body.put("basicAuthUser", orEmpty(planned.getString("basic_auth_username")));
        body.put("user", orEmpty(planned.getString("username")));
        body.put("database", orEmpty(planned.getString("database_name")));
        body.put("isDefault", Boolean.TRUE.equals(planned.getBool("is_default")));
        String jsonData = planned.getString(JSON_DATA);
        body.set("jsonData", jsonData == null ? mapper.createObjectNode() : JsonText.parse(mapper, jsonData, JSON_DATA));
        String secure = planned.getString(SECURE_JSON_DATA);
        if (secure != null) {
            body.set("secureJsonData", JsonText.parseSecret(mapper, secure, SECURE_JSON_DATA));
        } else if (prior != null && prior.getString(SECURE_JSON_DATA) != null) {
            body.set("secureJsonData", mapper.createObjectNode());
        }
        return body;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The state from a server answer; secrets are never read back, so they keep the value of {@code base}. */
    private static Values state(ObjectMapper mapper, Values base, String environment, ObjectNode datasource) {
        String uid = Common.text(datasource, "uid");
        JsonNode jsonData = datasource.get("jsonData");
        String jsonDataText = jsonData == null || jsonData.isNull() || (jsonData.isObject() && jsonData.isEmpty())
                ? Common.emptyAsPrior("", base, JSON_DATA) : JsonText.write(mapper, jsonData);
        if (jsonDataText != null && jsonDataText.isEmpty()) {
            jsonDataText = "{}";
        }
        return base.with(UID, uid)
                .with("name", Common.text(datasource, "name"))
                .with("type", Common.text(datasource, "type"))
                .with("access", orDefault(Common.text(datasource, "access"), "proxy"))
                .with("url", Common.emptyAsPrior(Common.text(datasource, "url"), base, "url"))
                .with("basic_auth_enabled", Common.bool(datasource, "basicAuth"))
                .with("basic_auth_username", Common.emptyAsPrior(Common.text(datasource, "basicAuthUser"), base, "basic_auth_username"))
                .with("username", Common.emptyAsPrior(Common.text(datasource, "user"), base, "username"))
                .with("database_name", Common.emptyAsPrior(Common.text(datasource, "database"), base, "database_name"))
                .with("is_default", Common.bool(datasource, "isDefault"))
                .with(JSON_DATA, jsonDataText)
                .with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(datasource, "version"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
