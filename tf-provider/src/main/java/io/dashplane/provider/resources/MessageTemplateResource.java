package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code dashplane_message_template} (docs/resources/message_template.md): notification templates, identified by name. */
public final class MessageTemplateResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_message_template";
    private static final Schema SCHEMA = Schema.of(0, "A notification message template (Go template text with define blocks).",
            Attr.string("name").required().requiresReplace().validate(Validators.notBlank())
                    .description("template name; changing it replaces the template"),
            Attr.string("template").required().semanticEquality(AlertingSupport.trimmedText())
                    .description("template text; leading and trailing whitespace does not count (heredocs end with a newline)"),
            Common.environment("message template"),
            Attr.string(ID).computed().description("<environment>/<name>"),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.of("name", "name", "template", "template"));

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
        if (planned.isKnown(ENVIRONMENT) && planned.isKnown("name")) {
            plan.set(ID, planned.getString(ENVIRONMENT) + "/" + planned.getString("name"));
        } else {
            plan.setUnknown(ID);
        }
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(planned, context.provider());
        String name = planned.getString("name");
        String what = "creating message template \"" + name + "\" in environment \"" + environment + "\"";
        AlertingClient client = AlertingSupport.alerting(context);
        if (ApiErrors.call(what, null, () -> client.getTemplate(environment, name)).isPresent()) {
            throw new ProviderException("Message template already exists", what + ": it exists already; import it with"
                    + " `terraform import <address> " + environment + "/" + name + "`");
        }
        ObjectNode written = ApiErrors.call(what, POINTERS, () -> client.putTemplate(environment, name, body(planned), null).body());
        return state(planned, environment, written);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String name = state.getString("name");
        return ApiErrors.call("reading message template \"" + name + "\"", null,
                        () -> AlertingSupport.alerting(context).getTemplate(environment, name))
                .map(template -> state(state, environment, template))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String name = prior.getString("name");
        ObjectNode written = ApiErrors.call("updating message template \"" + name + "\"", POINTERS,
                () -> AlertingSupport.alerting(context).putTemplate(environment, name, body(planned), prior.getLong(VERSION)).body());
        return state(planned, environment, written);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String name = prior.getString("name");
        String what = "deleting message template \"" + name + "\" in environment \"" + environment + "\"";
        AlertingClient client = AlertingSupport.alerting(context);
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION), ApiErrors.call(what, null, () -> client.getTemplate(environment, name)))) {
            ApiErrors.run(what, null, () -> client.deleteTemplate(environment, name));
        }
    }

    /** Import id: {@code <name>} or {@code <environment>/<name>}. */
    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        List<String> parts = AlertingSupport.importParts(id, 1, context.provider().environment(),
                "<name> or <environment>/<name>");
        ObjectNode template = ApiErrors.call("importing message template " + id, null,
                        () -> AlertingSupport.alerting(context).getTemplate(parts.get(0), parts.get(1)))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent message template",
                        "there is no template \"" + parts.get(1) + "\" in environment \"" + parts.get(0) + "\""));
        return state(Values.empty(SCHEMA.objectType()), parts.get(0), template);
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("template", planned.getString("template"));
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode template) {
        String name = Common.text(template, "name");
        return base.with("name", name)
                .with("template", Common.text(template, "template"))
                .with(ENVIRONMENT, environment)
                .with(ID, environment + "/" + name)
                .with(VERSION, Common.number(template, "version"));
    }
}
