package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;
import io.dashplane.schema.Uid;

import java.util.Map;

import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_environment} (docs/resources/environment.md). A changed description is updated in place
 * (PATCH); a changed name replaces the environment. Deleting refuses an environment that still holds objects
 * (the server's 409), so Terraform never deletes content it does not manage.
 */
public final class EnvironmentResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_environment";
    private static final Schema SCHEMA = Schema.of(0, "An environment: an isolated set of datasources, folders, dashboards and alerting.",
            Attr.string("name").required().requiresReplace().validate(Validators.uid())
                    .description("environment name (1-40 letters, digits, '-' or '_'); changing it replaces the environment"),
            Attr.string("description").optional()
                    .description("free text; changing it updates the environment in place"),
            Attr.string(ID).computed().description("the name"),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.of("name", "name", "description", "description"));

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
        if (plan.planned().isKnown("name")) {
            plan.set(ID, plan.planned().getString("name"));
        } else {
            plan.setUnknown(ID);
        }
        // every attribute replaces the environment: a changed one means it is (re)created with nothing in it
        boolean recreated = plan.isCreate() || !plan.planned().get("name").equals(plan.prior().get("name"))
                || !plan.planned().get("description").equals(plan.prior().get("description"));
        ProviderData provider = plan.providerOrNull();
        if (recreated && provider != null && plan.planned().isKnown("name")) {
            provider.checks().planned().environment(plan.planned().getString("name"));
        }
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String name = planned.getString("name");
        ObjectNode created = ApiErrors.call("creating environment \"" + name + "\"", POINTERS,
                () -> context.provider().client().createEnvironment(name, planned.getString("description")));
        return state(planned, created);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String name = state.getString("name");
        return ApiErrors.call("reading environment \"" + name + "\"", null,
                        () -> context.provider().client().getEnvironment(name))
                .map(environment -> state(state, environment))
                .orElse(null);
    }

    /** Only the description can change in place (a new name replaces the environment). */
    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String name = prior.getString("name");
        ObjectNode updated = ApiErrors.call("updating environment \"" + name + "\"", POINTERS,
                () -> context.provider().client().updateEnvironment(name, planned.getString("description"),
                        prior.getLong(VERSION)));
        return state(planned, updated);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String name = prior.getString("name");
        DashplaneClient client = context.provider().client();
        ApiErrors.run("deleting environment \"" + name + "\" (it must hold no objects)", null,
                () -> client.deleteEnvironment(name, false));
    }

    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        String name = id == null ? "" : id.trim();
        if (!Uid.isValid(name)) {
            throw new ProviderException("Invalid import id", "expected an environment name, got \"" + id + "\"");
        }
        ObjectNode environment = ApiErrors.call("importing environment \"" + name + "\"", null,
                        () -> context.provider().client().getEnvironment(name))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent environment",
                        "there is no environment \"" + name + "\""));
        return state(Values.empty(SCHEMA.objectType()), environment);
    }

    private static Values state(Values base, ObjectNode environment) {
        String name = Common.text(environment, "name");
        return base.with("name", name)
                .with("description", Common.emptyAsPrior(Common.text(environment, "description"), base, "description"))
                .with(ID, name)
                .with(VERSION, Common.number(environment, "version"));
    }
}
