package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.Route;

/** The assembled notification policy tree of an environment; {@code root} is null when no root was written. */
public record PolicyTree(Route tree, StoredPolicyRoot root) {
}
