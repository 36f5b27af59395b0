package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.alerting.RouteNode;

/** One individually addressable route: its own fields (no children), its parent (null: the root) and position. */
public record StoredRoute(String uid, String parentUid, long position, Route route, ObjectMeta meta) {
    public RouteNode node() {
        return new RouteNode(uid, parentUid, (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, position)), route);
    }
}
