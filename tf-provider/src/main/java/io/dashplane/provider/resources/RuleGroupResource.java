package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.List;
import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.VERSION;

/** {@code dashplane_rule_group}: a group of alert rules in a folder, evaluated at one interval (docs/resources/rule_group.md). */
public final class RuleGroupResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_rule_group";
    private static final Schema SCHEMA = Schema.of(0,
            "A rule group: alert and recording rules of a folder evaluated together at one interval.",
            Attr.string("folder_uid").required().requiresReplace().validate(Validators.uid())
                    .description("uid of the folder holding the group; changing it replaces the group"),
            Attr.string("name").required().requiresReplace().validate(Validators.notBlank())
                    .description("group name, unique in the folder; changing it replaces the group"),
            Attr.string("interval").required().semanticEquality(AlertingSupport.durationEquality())
                    .validate(AlertingSupport.durationValidator())
                    .description("evaluation interval, a positive multiple of 10s (1m and 60s are the same value)"),
            Common.environment("rule group"),
            Attr.string(ID).computed().description("<environment>/<folder_uid>/<name>"),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS =
            ApiErrors.fields(Map.of("interval", "interval", "folderUid", "folder_uid", "name", "name"));

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
        Values planned = plan.planned();
        if (planned.isKnown(ENVIRONMENT) && planned.isKnown("folder_uid") && planned.isKnown("name")) {
            plan.set(ID, id(planned.getString(ENVIRONMENT), planned.getString("folder_uid"), planned.getString("name")));
        } else {
            plan.setUnknown(ID);
        }
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        AlertingClient client = AlertingSupport.alerting(context);
        String environment = Common.environmentOf(planned, context.provider());
        String folder = planned.getString("folder_uid");
        String name = planned.getString("name");
        String what = "creating rule group " + id(environment, folder, name);
        if (ApiErrors.call(what, null, () -> client.getRuleGroup(environment, folder, name)).isPresent()) {
            throw new ProviderException("Rule group already exists", what + ": the group exists already; import it with"
                    + " `terraform import <address> " + id(environment, folder, name) + "`");
        }
        ObjectNode written = ApiErrors.call(what, POINTERS,
                () -> client.putRuleGroup(environment, folder, name, body(planned), null).body());
        return state(planned, environment, written);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String folder = state.getString("folder_uid");
        String name = state.getString("name");
        return ApiErrors.call("reading rule group " + id(environment, folder, name), null,
                        () -> AlertingSupport.alerting(context).getRuleGroup(environment, folder, name))
                .map(group -> state(state, environment, group))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String folder = prior.getString("folder_uid");
        String name = prior.getString("name");
        ObjectNode written = ApiErrors.call("updating rule group " + id(environment, folder, name), POINTERS,
                () -> AlertingSupport.alerting(context).putRuleGroup(environment, folder, name, body(planned),
                        prior.getLong(VERSION)).body());
        return state(planned, environment, written);
    }

    /** Not compared with the prior version: writes of the group's rules change it too. */
    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String folder = prior.getString("folder_uid");
        String name = prior.getString("name");
        ApiErrors.run("deleting rule group " + id(environment, folder, name) + " (its rules must be deleted first)", null,
                () -> AlertingSupport.alerting(context).deleteRuleGroup(environment, folder, name, false));
    }

    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        List<String> parts = AlertingSupport.importParts(id, 2, context.provider().environment(),
                "<folder_uid>/<name> or <environment>/<folder_uid>/<name>");
        ObjectNode group = ApiErrors.call("importing rule group " + id, null,
                        () -> AlertingSupport.alerting(context).getRuleGroup(parts.get(0), parts.get(1), parts.get(2)))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent rule group",
                        "there is no rule group \"" + parts.get(2) + "\" in folder \"" + parts.get(1)
                                + "\" of environment \"" + parts.get(0) + "\""));
        return state(Values.empty(SCHEMA.objectType()), parts.get(0), group);
    }

    static String id(String environment, String folderUid, String name) {
        return environment + "/" + folderUid + "/" + name;
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.put("interval", planned.getString("interval"));
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode group) {
        String folder = Common.text(group, "folderUid");
        String name = Common.text(group, "name");
        return base.with("folder_uid", folder)
                .with("name", name)
                .with("interval", Common.text(group, "interval"))
                .with(ENVIRONMENT, environment)
                .with(ID, id(environment, folder, name))
                .with(VERSION, Common.number(group, "version"));
    }
}
