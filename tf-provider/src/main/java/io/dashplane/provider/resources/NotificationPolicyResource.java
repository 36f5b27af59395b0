package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Values;
import io.dashplane.schema.Uid;

import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_notification_policy} (docs/resources/notification_policy.md): the root of an
 * environment's notification policy tree, one per environment. Child routes are separate
 * {@code dashplane_notification_route} resources; this resource never touches them.
 */
public final class NotificationPolicyResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_notification_policy";
    private static final Schema SCHEMA = Schema.of(0,
            "The root of the notification policy tree of an environment (its default contact point and timings).",
            Attr.string("contact_point").required().description("name of the default contact point (Grafana's receiver)"),
            Attr.of("group_by", AlertingSupport.STRING_LIST).optional().description("labels alerts are grouped by"),
            AlertingSupport.duration("group_wait", "wait before the first notification of a group"),
            AlertingSupport.duration("group_interval", "wait before notifying about new alerts of a group"),
            AlertingSupport.duration("repeat_interval", "wait before repeating a notification"),
            Common.environment("notification policy"),
            Attr.string(ID).computed().description("the environment"),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.of("receiver", "contact_point",
            "group_by", "group_by", "group_wait", "group_wait", "group_interval", "group_interval",
            "repeat_interval", "repeat_interval"));

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
        Common.planEnvironment(plan);
        if (plan.planned().isKnown(ENVIRONMENT)) {
            plan.set(ID, plan.planned().getString(ENVIRONMENT));
        } else {
            plan.setUnknown(ID);
        }
    }

    /** The root always exists conceptually: create writes its fields over whatever was there. */
    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(planned, context.provider());
        ObjectNode written = ApiErrors.call("writing the notification policy of environment \"" + environment + "\"", POINTERS,
                () -> AlertingSupport.alerting(context).putNotificationPolicy(environment, body(planned), null).body());
        return state(planned, environment, written);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        ObjectNode policy = ApiErrors.call("reading the notification policy of environment \"" + environment + "\"", null,
                () -> AlertingSupport.alerting(context).getNotificationPolicy(environment));
        if (policy.path("version").asLong(0) == 0) {
            return null;
        }
        return state(state, environment, policy);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        ObjectNode written = ApiErrors.call("updating the notification policy of environment \"" + environment + "\"", POINTERS,
                () -> AlertingSupport.alerting(context).putNotificationPolicy(environment, body(planned), prior.getLong(VERSION)).body());
        return state(planned, environment, written);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        ApiErrors.run("deleting the notification policy of environment \"" + environment + "\"", null,
                () -> AlertingSupport.alerting(context).deleteNotificationPolicy(environment));
    }

    /** Import id: the environment's name (empty: the provider's). */
    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        String environment = id == null || id.isBlank() ? context.provider().environment() : id.trim();
        if (!Uid.isValid(environment)) {
            throw new ProviderException("Invalid import id", "expected an environment name, got \"" + id + "\"");
        }
        ObjectNode policy = ApiErrors.call("importing the notification policy of environment \"" + environment + "\"", null,
                () -> AlertingSupport.alerting(context).getNotificationPolicy(environment));
        if (policy.path("version").asLong(0) == 0) {
            throw new ProviderException("Cannot import non-existent notification policy",
                    "environment \"" + environment + "\" has no notification policy root yet");
        }
        return state(Values.empty(SCHEMA.objectType()), environment, policy);
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("receiver", planned.getString("contact_point"));
        AlertingSupport.putStrings(body, "group_by", planned.getStringList("group_by"));
        AlertingSupport.putIfPresent(body, "group_wait", planned.getString("group_wait"));
        AlertingSupport.putIfPresent(body, "group_interval", planned.getString("group_interval"));
        AlertingSupport.putIfPresent(body, "repeat_interval", planned.getString("repeat_interval"));
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode policy) {
        return base.with("contact_point", Common.text(policy, "receiver"))
                .with("group_by", AlertingSupport.stringListValue(policy.get("group_by"), base, "group_by"))
                .with("group_wait", AlertingSupport.unlessDefault(policy, "group_wait", base, "group_wait", ""))
                .with("group_interval", AlertingSupport.unlessDefault(policy, "group_interval", base, "group_interval", ""))
                .with("repeat_interval", AlertingSupport.unlessDefault(policy, "repeat_interval", base, "repeat_interval", ""))
                .with(ENVIRONMENT, environment)
                .with(ID, environment)
                .with(VERSION, Common.number(policy, "version"));
    }
}
