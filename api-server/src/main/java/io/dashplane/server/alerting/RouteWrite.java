package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.Route;

/**
 * A write of one route: its uid (null on create: generated), its parent route (null: a child of the root),
 * its position among siblings (null: after the last sibling on create, unchanged on replace) and its fields.
 */
public record RouteWrite(String uid, String parentUid, Long position, Route route) {
}
