package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_notification_route} (docs/resources/notification_route.md): one individually
 * addressable route of the notification policy tree, below the root or below another route.
 */
public final class NotificationRouteResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_notification_route";
    private static final CtyType MATCHERS = CtyType.list(CtyType.list(CtyType.STRING));
    private static final Schema SCHEMA = Schema.of(0, "A route of the notification policy tree.",
            Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                    .description("generated when absent; changing it replaces the route"),
            Attr.string("parent_uid").optional().validate(Validators.uid())
                    .description("uid of the parent route; absent: a child of the root policy"),
            Attr.number("position").optional().computed().useStateForUnknown().validate(Validators.atLeast(0))
                    .description("order among the siblings (ascending, ties by uid); absent: after the last sibling"),
            Attr.string("contact_point").optional()
                    .description("name of the contact point (receiver); absent: inherited from the parent"),
            Attr.of("object_matchers", MATCHERS).optional()
                    .description("matchers as [label, operator, value] triples; operators =, !=, =~, !~"),
            Attr.of("group_by", AlertingSupport.STRING_LIST).optional().description("labels alerts are grouped by"),
            AlertingSupport.duration("group_wait", "wait before the first notification of a group"),
            AlertingSupport.duration("group_interval", "wait before notifying about new alerts of a group"),
            AlertingSupport.duration("repeat_interval", "wait before repeating a notification"),
            Attr.of("mute_time_intervals", AlertingSupport.STRING_LIST).optional().description("names of mute timings"),
            Attr.of("active_time_intervals", AlertingSupport.STRING_LIST).optional()
                    .description("names of mute timings during which the route is active"),
            Attr.bool("continue").optional().description("keep matching the following siblings after a match"),
            Common.environment("route"),
            Common.id(),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.ofEntries(
            Map.entry("uid", UID), Map.entry("parentUid", "parent_uid"), Map.entry("position", "position"),
            Map.entry("receiver", "contact_point"), Map.entry("object_matchers", "object_matchers"),
            Map.entry("group_by", "group_by"), Map.entry("group_wait", "group_wait"),
            Map.entry("group_interval", "group_interval"), Map.entry("repeat_interval", "repeat_interval"),
            Map.entry("mute_time_intervals", "mute_time_intervals"),
            Map.entry("active_time_intervals", "active_time_intervals"), Map.entry("continue", "continue")));

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
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(planned, context.provider());
        ObjectNode created = ApiErrors.call("creating notification route", POINTERS,
                () -> AlertingSupport.alerting(context).createRoute(environment, body(planned)));
        return state(planned, environment, created);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String uid = state.getString(UID);
        return ApiErrors.call("reading notification route " + ObjectId.of(environment, uid), null,
                        () -> AlertingSupport.alerting(context).getRoute(environment, uid))
                .map(route -> state(state, environment, route))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        ObjectNode body = body(planned).put("uid", uid);
        ObjectNode written = ApiErrors.call("updating notification route " + ObjectId.of(environment, uid), POINTERS,
                () -> AlertingSupport.alerting(context).putRoute(environment, uid, body, prior.getLong(VERSION)).body());
        return state(planned, environment, written);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        String what = "deleting notification route " + ObjectId.of(environment, uid) + " (child routes must be deleted first)";
        AlertingClient client = AlertingSupport.alerting(context);
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION), ApiErrors.call(what, null, () -> client.getRoute(environment, uid)))) {
            ApiErrors.run(what, null, () -> client.deleteRoute(environment, uid, false));
        }
    }

    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        ObjectId objectId = ObjectId.parseImportId(id, context.provider().environment());
        ObjectNode route = ApiErrors.call("importing notification route " + objectId, null,
                        () -> AlertingSupport.alerting(context).getRoute(objectId.environment(), objectId.uid()))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent notification route",
                        "there is no route with uid \"" + objectId.uid() + "\" in environment \"" + objectId.environment() + "\""));
        return state(Values.empty(SCHEMA.objectType()), objectId.environment(), route);
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        AlertingSupport.putIfPresent(body, "uid", planned.getString(UID));
        Common.putOrNull(body, "parentUid", planned.getString("parent_uid"));
        if (planned.isPresent("position")) {
            body.put("position", planned.getLong("position"));
        }
        AlertingSupport.putIfPresent(body, "receiver", planned.getString("contact_point"));
        CtyValue matchers = planned.get("object_matchers");
        if (matchers.isPresent()) {
            ArrayNode array = body.putArray("object_matchers");
            for (CtyValue matcher : matchers.elements()) {
                ArrayNode triple = array.addArray();
                matcher.elements().forEach(part -> triple.add(part.isNull() ? "" : part.asString()));
            }
        }
        AlertingSupport.putStrings(body, "group_by", planned.getStringList("group_by"));
        AlertingSupport.putIfPresent(body, "group_wait", planned.getString("group_wait"));
        AlertingSupport.putIfPresent(body, "group_interval", planned.getString("group_interval"));
        AlertingSupport.putIfPresent(body, "repeat_interval", planned.getString("repeat_interval"));
        AlertingSupport.putStrings(body, "mute_time_intervals", planned.getStringList("mute_time_intervals"));
        AlertingSupport.putStrings(body, "active_time_intervals", planned.getStringList("active_time_intervals"));
        if (planned.isPresent("continue")) {
            body.put("continue", planned.getBool("continue"));
        }
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode route) {
        String uid = Common.text(route, "uid");
        String parent = Common.text(route, "parentUid");
        return base.with(UID, uid)
                .with("parent_uid", parent == null || parent.isEmpty() ? null : parent)
                .with("position", route.path("position").asLong(0))
                .with("contact_point", AlertingSupport.unlessDefault(route, "receiver", base, "contact_point", ""))
                .with("object_matchers", matchers(route.get("object_matchers"), base))
                .with("group_by", AlertingSupport.stringListValue(route.get("group_by"), base, "group_by"))
                .with("group_wait", AlertingSupport.unlessDefault(route, "group_wait", base, "group_wait", ""))
                .with("group_interval", AlertingSupport.unlessDefault(route, "group_interval", base, "group_interval", ""))
                .with("repeat_interval", AlertingSupport.unlessDefault(route, "repeat_interval", base, "repeat_interval", ""))
                .with("mute_time_intervals",
                        AlertingSupport.stringListValue(route.get("mute_time_intervals"), base, "mute_time_intervals"))
                .with("active_time_intervals",
                        AlertingSupport.stringListValue(route.get("active_time_intervals"), base, "active_time_intervals"))
                .with("continue", AlertingSupport.bool(route, "continue"))
                .with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(route, "version"));
    }

    private static CtyValue matchers(JsonNode array, Values base) {
        if (array == null || array.isNull() || (array.isEmpty() && AlertingSupport.priorNull(base, "object_matchers"))) {
            return CtyValue.nullOf(MATCHERS);
        }
        List<CtyValue> triples = new ArrayList<>();
        for (JsonNode triple : array) {
            List<CtyValue> parts = new ArrayList<>();
            triple.forEach(part -> parts.add(CtyValue.string(part.asText())));
            triples.add(CtyValue.list(CtyType.STRING, parts));
        }
        return CtyValue.list(CtyType.list(CtyType.STRING), triples);
    }
}
