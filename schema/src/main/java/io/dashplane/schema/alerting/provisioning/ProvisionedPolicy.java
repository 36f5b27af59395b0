package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.json.Json;

/**
 * An entry of {@code policies}: the root route's fields with an {@code orgId} beside them, as Grafana
 * writes it. Reading and writing go through the {@link Route} record.
 */
public record ProvisionedPolicy(Long orgId, Route policy) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProvisionedPolicy fromJson(ObjectNode node) {
        ObjectNode routeFields = node.deepCopy();
        JsonNode orgId = routeFields.remove("orgId");
        Long org = orgId == null || orgId.isNull() ? null : orgId.asLong();
        return new ProvisionedPolicy(org, Json.mapper().convertValue(routeFields, Route.class));
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        if (orgId != null) {
            node.put("orgId", orgId);
        }
        if (policy != null) {
            node.setAll((ObjectNode) Json.mapper().valueToTree(policy));
        }
        return node;
    }

    public static ProvisionedPolicy of(Route root) {
        return new ProvisionedPolicy(1L, root);
    }
}
