package io.dashplane.server.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.server.alerting.ContactPointService;
import io.dashplane.server.alerting.StoredAlertRule;
import io.dashplane.server.alerting.StoredContactPoint;
import io.dashplane.server.alerting.StoredMuteTiming;
import io.dashplane.server.alerting.StoredTemplate;
import io.dashplane.server.http.ProblemException;
import java.io.IOException;
import java.util.List;

/**
 * Grafana's alerting provisioning shapes of Dashplane's alerting objects, both ways. Grafana's contact point in
 * this API is one integration ({@code uid} = the integration's uid) named after its contact point; secret settings
 * read back as {@code "[REDACTED]"}.
 */
final class GrafanaAlertingJson {
    private final ObjectMapper mapper;

    GrafanaAlertingJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode rule(StoredAlertRule stored, long orgId, String provenance) {
        ObjectNode node = mapper.valueToTree(stored.rule());
        node.put("orgID", orgId);
        node.put("updated", stored.meta().updatedAt());
        node.put("provenance", provenance);
        return node;
    }

    /** A request body as Dashplane's rule: Grafana's read-only members dropped, {@code keep_firing_for} accepted. */
    AlertRule readRule(JsonNode body) throws IOException {
        ObjectNode object = object(body);
        for (String member : List.of("id", "orgID", "updated", "provenance")) {
            object.remove(member);
        }
        JsonNode keepFiring = object.remove("keep_firing_for");
        if (keepFiring != null && !object.has("keepFiringFor")) {
            object.set("keepFiringFor", keepFiring);
        }
        return mapper.readerFor(AlertRule.class).readValue(object);
    }

    ArrayNode integrations(StoredContactPoint contactPoint, java.util.Map<String, String> provenance) {
        ArrayNode out = mapper.createArrayNode();
        for (Integration integration : contactPoint.integrations()) {
            out.add(integration(contactPoint, integration, provenance.getOrDefault(integration.uid(),
                    GrafanaProvenance.API)));
        }
        return out;
    }

    ObjectNode integration(StoredContactPoint contactPoint, Integration integration, String provenance) {
        ObjectNode node = mapper.createObjectNode();
        node.put("uid", integration.uid());
        node.put("name", contactPoint.name());
        node.put("type", integration.type());
        ObjectNode settings = integration.settings() != null && integration.settings().isObject()
                ? ((ObjectNode) integration.settings()).deepCopy() : mapper.createObjectNode();
        for (String path : contactPoint.secureFields().getOrDefault(integration.uid(), List.of())) {
            redact(settings, path.split("\\."));
        }
        node.set("settings", settings);
        node.put("disableResolveMessage", Boolean.TRUE.equals(integration.disableResolveMessage()));
        node.put("provenance", provenance);
        return node;
    }

    ObjectNode muteTiming(StoredMuteTiming timing, String provenance) {
        return versioned(timing.timing(), timing.meta().version(), provenance);
    }

    ObjectNode template(StoredTemplate template, String provenance) {
        return versioned(template.template(), template.meta().version(), provenance);
    }

    /** Grafana writes the version of mute timings and templates as a string. */
    private ObjectNode versioned(Object value, long version, String provenance) {
        ObjectNode node = mapper.valueToTree(value);
        node.put("version", Long.toString(version));
        node.put("provenance", provenance);
        return node;
    }

    ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.malformed("", "the body must be a JSON object");
        }
        return ((ObjectNode) body).deepCopy();
    }

    <T> T read(JsonNode body, Class<T> type) throws IOException {
        return mapper.readerFor(type).readValue(body);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static void redact(ObjectNode settings, String[] path) {
        ObjectNode at = settings;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = at.get(path[i]);
            if (next == null || !next.isObject()) {
                next = at.putObject(path[i]);
            }
            at = (ObjectNode) next;
        }
        at.put(path[path.length - 1], ContactPointService.REDACTED);
    }
}
