package io.dashplane.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Grafana (like Dashplane's loader) never deletes an alerting object because it left a provisioning file; only the
 * file's delete forms do. This adds them: every rule, contact point integration, mute timing and template that the
 * previous render's file held (or already listed as deleted) and the environment no longer has, and
 * {@code resetPolicies} when the policy tree is gone. Deleting what does not exist is harmless in both.
 */
final class AlertingDeletions {
    private AlertingDeletions() {
    }

    static void add(ObjectNode file, JsonNode previous) {
        if (previous == null || !previous.isObject()) {
            return;
        }
        forms(file, previous, "deleteRules", "uid", f -> rules(f));
        forms(file, previous, "deleteContactPoints", "uid", f -> values(f.path("contactPoints"), "receivers", "uid"));
        forms(file, previous, "deleteMuteTimes", "name", f -> values(f.path("muteTimes"), null, "name"));
        forms(file, previous, "deleteTemplates", "name", f -> values(f.path("templates"), null, "name"));
        boolean hadPolicies = previous.path("policies").size() > 0 || previous.path("resetPolicies").size() > 0;
        if (hadPolicies && file.path("policies").isEmpty()) {
            file.putArray("resetPolicies").add(1);
        }
    }

    private static void forms(ObjectNode file, JsonNode previous, String form, String key, Function<JsonNode, Set<String>> ids) {
        Set<String> gone = ids.apply(previous);
        previous.path(form).forEach(d -> gone.add(d.path(key).asText()));
        gone.removeAll(ids.apply(file));
        gone.remove("");
        if (!gone.isEmpty()) {
            ArrayNode list = file.putArray(form);
            gone.forEach(id -> list.addObject().put("orgId", 1).put(key, id));
        }
    }

    private static Set<String> rules(JsonNode file) {
        Set<String> out = new TreeSet<>();
        file.path("groups").forEach(g -> g.path("rules").forEach(r -> out.add(r.path("uid").asText())));
        return out;
    }

    private static Set<String> values(JsonNode list, String inner, String key) {
        Set<String> out = new TreeSet<>();
        list.forEach(item -> {
            if (inner == null) {
                out.add(item.path(key).asText());
            } else {
                item.path(inner).forEach(i -> out.add(i.path(key).asText()));
            }
        });
        return out;
    }
}
