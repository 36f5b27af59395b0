package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A dashboard write to check without writing it (an item of {@code POST .../validate}).
 *
 * @param key     the caller's name for it, echoed in the answer
 * @param uid     null: checked as a create ({@code POST .../dashboards}); else as a {@code PUT .../dashboards/{uid}}
 * @param write   what the write would send; values not known yet are null (the dashboard {@code {}})
 * @param unknown JSON pointers into the write body whose values are not known yet
 */
public record DashboardCheck(String key, String uid, DashboardWrite write, List<String> unknown) {
    public DashboardCheck {
        unknown = List.copyOf(unknown);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode item = mapper.createObjectNode().put("key", key).put("kind", "dashboard");
        if (uid != null) {
            item.put("uid", uid);
        }
        item.set("body", write.toJson(mapper));
        unknown.forEach(item.withArray("unknown")::add);
        return item;
    }
}
