package io.dashplane.schema.alerting;

/**
 * One individually addressable route of a notification policy tree: its own fields ({@code route}, whose
 * {@code routes} are ignored), its parent ({@code parentUid}, null for a child of the root) and its
 * position among its siblings (ascending; ties are broken by uid).
 */
public record RouteNode(String uid, String parentUid, int position, Route route) {
}
