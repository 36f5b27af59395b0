package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.Route;

/** The root of an environment's notification policy tree, without its nested routes. */
public record StoredPolicyRoot(Route root, ObjectMeta meta) {
}
