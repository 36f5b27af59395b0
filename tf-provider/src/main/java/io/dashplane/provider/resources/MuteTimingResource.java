package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.SemanticEquality;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/** {@code dashplane_mute_timing} (docs/resources/mute_timing.md): named time intervals routes and rules mute or activate on. */
public final class MuteTimingResource extends UidObjectResource {
    public static final String TYPE_NAME = "dashplane_mute_timing";
    private static final Schema SCHEMA = Schema.of(0, "A mute timing: named recurring time intervals.",
            Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                    .description("generated when absent; changing it replaces the mute timing"),
            Attr.string("name").required().validate(Validators.notBlank())
                    .description("name routes and rules refer to, unique in the environment"),
            Attr.string("time_intervals_json").optional().semanticEquality(SemanticEquality.json())
                    .validate(jsonArray())
                    .description("Grafana's time_intervals array as JSON (times, weekdays, days_of_month, months, years, location)"),
            Common.environment("mute timing"),
            Common.id(),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.of(
            "uid", UID, "name", "name", "time_intervals", "time_intervals_json"));

    private static final UidObjectCalls CALLS = new UidObjectCalls("mute timing", "name", POINTERS,
            new UidObjectCalls.Endpoint(AlertingClient::getMuteTiming, AlertingClient::createMuteTiming,
                    AlertingClient::putMuteTiming, AlertingClient::deleteMuteTiming),
            MuteTimingResource::body, MuteTimingResource::state,
            environment -> Values.empty(SCHEMA.objectType()));

    public MuteTimingResource() {
        super(TYPE_NAME, SCHEMA, CALLS);
    }

    static io.dashplane.provider.framework.Validator jsonArray() {
        return (path, value, diagnostics) -> {
            try {
                if (!AlertingSupport.parseJson(value.asString(), path.toString()).isArray()) {
                    diagnostics.error(path, "Invalid JSON", "expected a JSON array");
                }
            } catch (ProviderException e) {
                diagnostics.error(path, "Invalid JSON", "not valid JSON");
            }
        };
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        AlertingSupport.putIfPresent(body, "uid", planned.getString(UID));
        body.put("name", planned.getString("name"));
        if (planned.isPresent("time_intervals_json")) {
            body.set("time_intervals", AlertingSupport.parseJson(planned.getString("time_intervals_json"), "time_intervals_json"));
        }
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode timing) {
        String uid = Common.text(timing, "uid");
        return base.with(UID, uid)
                .with("name", Common.text(timing, "name"))
                .with("time_intervals_json", AlertingSupport.jsonText(timing.get("time_intervals"), base, "time_intervals_json"))
                .with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(timing, "version"));
    }
}
