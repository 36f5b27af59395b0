package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a sync would do to a target; {@code diff} is an RFC 6902 patch from the target's object to the desired one. */
public record SyncPlan(List<Change> changes) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String REVERT_DRIFT = "revert-drift";

    public record Change(String kind, String uid, String title, String action, JsonNode diff) {
    }
}
