package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.client.Written;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Values;

import java.util.Optional;
import java.util.function.Function;

import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * The create/read/update/delete/import calls of an alerting object addressed by uid, written once for
 * every resource of that shape: the resource supplies the endpoint, its request body and how a server
 * answer becomes state.
 */
final class UidObjectCalls {
    /** The four endpoints of one object kind, as method references of {@link AlertingClient}. */
    record Endpoint(Get get, Create create, Put put, Delete delete) {
    }

    interface Get {
        Optional<ObjectNode> call(AlertingClient client, String env, String uid);
    }

    interface Create {
        ObjectNode call(AlertingClient client, String env, ObjectNode body);
    }

    interface Put {
        Written call(AlertingClient client, String env, String uid, ObjectNode body, Long ifMatchVersion);
    }

    interface Delete {
        boolean call(AlertingClient client, String env, String uid);
    }

    /** Turns the server's object into state, keeping what {@code base} holds for attributes the server does not return. */
    interface StateMapper {
        Values state(Values base, String environment, ObjectNode server);
    }

    private final String kind;
    private final String nameAttribute;
    private final ApiErrors.PointerMapping pointers;
    private final Endpoint endpoint;
    private final Function<Values, ObjectNode> body;
    private final StateMapper mapper;
    private final Function<String, Values> empty;

    UidObjectCalls(String kind, String nameAttribute, ApiErrors.PointerMapping pointers, Endpoint endpoint,
                   Function<Values, ObjectNode> body, StateMapper mapper, Function<String, Values> empty) {
        this.kind = kind;
        this.nameAttribute = nameAttribute;
        this.pointers = pointers;
        this.endpoint = endpoint;
        this.body = body;
        this.mapper = mapper;
        this.empty = empty;
    }

    Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(planned, context.provider());
        ObjectNode created = ApiErrors.call("creating " + kind + " \"" + planned.getString(nameAttribute) + "\"", pointers,
                () -> endpoint.create().call(AlertingSupport.alerting(context), environment, body.apply(planned)));
        showWarnings(created, context);
        return mapper.state(planned, environment, created);
    }

    Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(state, context.provider());
        String uid = state.getString(UID);
        return ApiErrors.call("reading " + kind + " " + ObjectId.of(environment, uid), null,
                        () -> endpoint.get().call(AlertingSupport.alerting(context), environment, uid))
                .map(server -> mapper.state(state, environment, server))
                .orElse(null);
    }

    Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        ObjectNode request = body.apply(planned).put("uid", uid);
        ObjectNode written = ApiErrors.call("updating " + kind + " " + ObjectId.of(environment, uid), pointers,
                () -> endpoint.put().call(AlertingSupport.alerting(context), environment, uid, request, prior.getLong(VERSION)).body());
        showWarnings(written, context);
        return mapper.state(planned, environment, written);
    }

    /** The server's validation warnings of a write, as warning diagnostics on the attribute they concern. */
    private void showWarnings(ObjectNode answer, ResourceContext<ProviderData> context) {
        JsonNode warnings = answer.get("warnings");
        if (warnings == null || !warnings.isArray()) {
            return;
        }
        String summary = "Dashplane " + kind + " warning";
        for (JsonNode warning : warnings) {
            String pointer = warning.path("pointer").asText("");
            String message = warning.path("message").asText("");
            ApiErrors.Located located = pointers.apply(pointer);
            if (located == null || located.path() == null) {
                context.diagnostics().warning(summary, (pointer.isEmpty() ? "" : "at " + pointer + ": ") + message);
            } else {
                context.diagnostics().warning(located.path(), summary, located.detail() + message);
            }
        }
    }

    void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = Common.environmentOf(prior, context.provider());
        String uid = prior.getString(UID);
        String what = "deleting " + kind + " " + ObjectId.of(environment, uid);
        AlertingClient client = AlertingSupport.alerting(context);
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION),
                ApiErrors.call(what, null, () -> endpoint.get().call(client, environment, uid)))) {
            ApiErrors.run(what, null, () -> endpoint.delete().call(client, environment, uid));
        }
    }

    Values importState(String id, ResourceContext<ProviderData> context) {
        ObjectId objectId = ObjectId.parseImportId(id, context.provider().environment());
        ObjectNode server = ApiErrors.call("importing " + kind + " " + objectId, null,
                        () -> endpoint.get().call(AlertingSupport.alerting(context), objectId.environment(), objectId.uid()))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent " + kind,
                        "there is no " + kind + " with uid \"" + objectId.uid() + "\" in environment \""
                                + objectId.environment() + "\""));
        return mapper.state(empty.apply(objectId.environment()), objectId.environment(), server);
    }
}
