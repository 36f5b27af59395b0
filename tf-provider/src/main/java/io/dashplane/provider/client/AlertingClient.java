package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerting endpoints of one config server (docs/alerting.md), on top of a {@link DashplaneClient}'s
 * transport. Bodies are Grafana's JSON shapes as {@link ObjectNode}s; a missing object reads as empty.
 * Writes with a non-null {@code ifMatchVersion} are compare-and-set.
 */
public final class AlertingClient {
    private final DashplaneClient client;

    public AlertingClient(DashplaneClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    // ------------------------------------------------------------------ environments

    public Optional<ObjectNode> getEnvironment(String name) {
        return client.getEnvironment(name);
    }

    // ------------------------------------------------------------------ rule groups

    public List<ObjectNode> listRuleGroups(String env) {
        return client.listAllIn(env, "rule-groups");
    }

    public Optional<ObjectNode> getRuleGroup(String env, String folderUid, String name) {
        return client.getIn(env, "rule-groups", folderUid, name);
    }

    /** Creates the group or changes its interval. */
    public Written putRuleGroup(String env, String folderUid, String name, ObjectNode body, Long ifMatchVersion) {
        return client.putIn(env, body, ifMatchVersion, "rule-groups", folderUid, name);
    }

    /** Without {@code force} a group holding rules is refused (409). */
    public boolean deleteRuleGroup(String env, String folderUid, String name, boolean force) {
        return client.deleteIn(env, force, "rule-groups", folderUid, name);
    }

    // ------------------------------------------------------------------ alert rules

    public Optional<ObjectNode> getAlertRule(String env, String uid) {
        return client.getIn(env, "alert-rules", uid);
    }

    public ObjectNode createAlertRule(String env, ObjectNode rule) {
        return client.postIn(env, rule, "alert-rules");
    }

    public Written putAlertRule(String env, String uid, ObjectNode rule, Long ifMatchVersion) {
        return client.putIn(env, rule, ifMatchVersion, "alert-rules", uid);
    }

    public boolean deleteAlertRule(String env, String uid) {
        return client.deleteIn(env, false, "alert-rules", uid);
    }

    // ------------------------------------------------------------------ contact points

    public List<ObjectNode> listContactPoints(String env) {
        return client.listAllIn(env, "contact-points");
    }

    public Optional<ObjectNode> getContactPoint(String env, String uid) {
        return client.getIn(env, "contact-points", uid);
    }

    public ObjectNode createContactPoint(String env, ObjectNode contactPoint) {
        return client.postIn(env, contactPoint, "contact-points");
    }

    public Written putContactPoint(String env, String uid, ObjectNode contactPoint, Long ifMatchVersion) {
        return client.putIn(env, contactPoint, ifMatchVersion, "contact-points", uid);
    }

    public boolean deleteContactPoint(String env, String uid) {
        return client.deleteIn(env, false, "contact-points", uid);
    }

    // ------------------------------------------------------------------ notification policy

    /** The assembled tree plus {@code version} (0 while no root was written). */
    public ObjectNode getNotificationPolicy(String env) {
        return client.getIn(env, "notification-policy")
                .orElseThrow(() -> new DashplaneException("environment \"" + env + "\" has no notification policy endpoint"));
    }

    public Written putNotificationPolicy(String env, ObjectNode root, Long ifMatchVersion) {
        return client.putIn(env, root, ifMatchVersion, "notification-policy");
    }

    public boolean deleteNotificationPolicy(String env) {
        return client.deleteIn(env, false, "notification-policy");
    }

    public Optional<ObjectNode> getRoute(String env, String uid) {
        return client.getIn(env, "notification-policy", "routes", uid);
    }

    public ObjectNode createRoute(String env, ObjectNode route) {
        return client.postIn(env, route, "notification-policy", "routes");
    }

    public Written putRoute(String env, String uid, ObjectNode route, Long ifMatchVersion) {
        return client.putIn(env, route, ifMatchVersion, "notification-policy", "routes", uid);
    }

    /** Without {@code force} a route with child routes is refused (409). */
    public boolean deleteRoute(String env, String uid, boolean force) {
        return client.deleteIn(env, force, "notification-policy", "routes", uid);
    }

    // ------------------------------------------------------------------ mute timings

    public Optional<ObjectNode> getMuteTiming(String env, String uid) {
        return client.getIn(env, "mute-timings", uid);
    }

    public ObjectNode createMuteTiming(String env, ObjectNode muteTiming) {
        return client.postIn(env, muteTiming, "mute-timings");
    }

    public Written putMuteTiming(String env, String uid, ObjectNode muteTiming, Long ifMatchVersion) {
        return client.putIn(env, muteTiming, ifMatchVersion, "mute-timings", uid);
    }

    public boolean deleteMuteTiming(String env, String uid) {
        return client.deleteIn(env, false, "mute-timings", uid);
    }

    // ------------------------------------------------------------------ message templates

    public Optional<ObjectNode> getTemplate(String env, String name) {
        return client.getIn(env, "templates", name);
    }

    public Written putTemplate(String env, String name, ObjectNode template, Long ifMatchVersion) {
        return client.putIn(env, template, ifMatchVersion, "templates", name);
    }

    public boolean deleteTemplate(String env, String name) {
        return client.deleteIn(env, false, "templates", name);
    }

}
