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

import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/** {@code dashplane_folder}: a folder of dashboards (docs/resources/folder.md). */
public final class FolderResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_folder";
    private static final Schema SCHEMA = Schema.of(0, "A folder of dashboards. Folders nest through parent_uid.",
            Attr.string("title").required().validate(Validators.notBlank()).description("folder title, unique among its siblings"),
            Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                    .description("generated when absent; changing it replaces the folder"),
            Attr.string("parent_uid").optional().validate(Validators.uid())
                    .description("uid of the parent folder; changing it moves the folder"),
            Common.environment("folder"),
            Common.id(),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS =
            ApiErrors.fields(Map.of("title", "title", "uid", UID, "parentUid", "parent_uid"));

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
        Common.recordPlanned(plan, (planned, environment) -> planned.folder(environment, Common.known(plan.planned(), UID)));
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(planned, context.provider());
        ObjectNode body = body(client, planned);
        ObjectNode created = ApiErrors.call("creating folder \"" + planned.getString("title") + "\"", POINTERS,
                () -> client.createFolder(environment, body));
        return state(planned, environment, created);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String uid = state.getString(UID);
        return ApiErrors.call("reading folder " + ObjectId.of(environment, uid), null,
                () -> context.provider().client().getFolder(environment, uid))
                .map(folder -> state(state, environment, folder))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        ObjectNode body = body(client, planned);
        ObjectNode written = ApiErrors.call("updating folder " + ObjectId.of(environment, uid), POINTERS,
                () -> client.putFolder(environment, uid, body, prior.getLong(VERSION)).body());
        return state(planned, environment, written);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        String what = "deleting folder " + ObjectId.of(environment, uid);
        DashplaneClient client = context.provider().client();
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION), ApiErrors.call(what, null, () -> client.getFolder(environment, uid)))) {
            ApiErrors.run(what, null, () -> client.deleteFolder(environment, uid, false));
        }
    }

    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        ObjectId objectId = ObjectId.parseImportId(id, context.provider().environment());
        ObjectNode folder = ApiErrors.call("importing folder " + objectId, null,
                () -> context.provider().client().getFolder(objectId.environment(), objectId.uid()))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent folder",
                        "there is no folder with uid \"" + objectId.uid() + "\" in environment \"" + objectId.environment() + "\""));
        return state(Values.empty(SCHEMA.objectType()), objectId.environment(), folder);
    }

    private static ObjectNode body(DashplaneClient client, Values planned) {
        ObjectNode body = client.mapper().createObjectNode();
        if (planned.isPresent(UID)) {
            body.put("uid", planned.getString(UID));
        }
        body.put("title", planned.getString("title"));
        Common.putOrNull(body, "parentUid", planned.getString("parent_uid"));
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode folder) {
        String uid = Common.text(folder, "uid");
        return base.with(UID, uid)
                .with("title", Common.text(folder, "title"))
                .with("parent_uid", Common.text(folder, "parentUid"))
                .with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(folder, "version"));
    }
}
