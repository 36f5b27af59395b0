package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** One page of a list answer: {@code {"items": [...], "total": N, "page": P, "perPage": K}}. */
public record Page(List<ObjectNode> items, long total, int page, int perPage) {
    public Page {
        items = List.copyOf(items);
    }

    /** True when pages after this one hold more items. */
    public boolean hasMore() {
        return (long) page * perPage < total && !items.isEmpty();
    }

    static Page fromJson(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("items").isArray()) {
            throw new DashplaneException("the server answered a list request without an \"items\" array");
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : json.get("items")) {
            if (item instanceof ObjectNode object) {
                items.add(object);
            }
        }
        return new Page(items, json.path("total").asLong(items.size()), json.path("page").asInt(1),
                json.path("perPage").asInt(Math.max(items.size(), 1)));
    }
}
