package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.NotificationSettings;
import io.dashplane.schema.alerting.Route;
import io.dashplane.server.errors.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;

/** Finds the objects that name a contact point or a time interval, for referential integrity. */
public final class AlertingReferences {
    private final NotificationPolicyRepository policies;
    private final AlertRuleRepository rules;

    public AlertingReferences(NotificationPolicyRepository policies, AlertRuleRepository rules) {
        this.policies = policies;
        this.rules = rules;
    }

    public List<Referrer> toContactPoint(DSLContext tx, String env, String name) {
        List<Referrer> referrers = new ArrayList<>();
        policies.findRoot(tx, env).ifPresent(root -> {
            if (name.equals(root.root().receiver())) {
                referrers.add(new Referrer("notification-policy", null, "/receiver"));
            }
        });
        for (StoredRoute route : policies.routes(tx, env)) {
            if (name.equals(route.route().receiver())) {
                referrers.add(new Referrer("notification-route", route.uid(), "/receiver"));
            }
        }
        for (StoredAlertRule rule : rules.list(tx, env, null, null)) {
            NotificationSettings settings = rule.rule().notificationSettings();
            if (settings != null && name.equals(settings.receiver())) {
                referrers.add(new Referrer("alert-rule", rule.uid(), "/notification_settings/receiver"));
            }
        }
        return referrers;
    }

    public List<Referrer> toTimeInterval(DSLContext tx, String env, String name) {
        List<Referrer> referrers = new ArrayList<>();
        policies.findRoot(tx, env).ifPresent(root -> intervals(root.root(), name, "notification-policy", null, referrers));
        for (StoredRoute route : policies.routes(tx, env)) {
            intervals(route.route(), name, "notification-route", route.uid(), referrers);
        }
        for (StoredAlertRule rule : rules.list(tx, env, null, null)) {
            NotificationSettings settings = rule.rule().notificationSettings();
            if (settings == null) {
                continue;
            }
            if (contains(settings.muteTimeIntervals(), name)) {
                referrers.add(new Referrer("alert-rule", rule.uid(), "/notification_settings/mute_time_intervals"));
            }
            if (contains(settings.activeTimeIntervals(), name)) {
                referrers.add(new Referrer("alert-rule", rule.uid(), "/notification_settings/active_time_intervals"));
            }
        }
        return referrers;
    }

    /** 409 listing the referrers, unless there are none. */
    public static void requireUnreferenced(List<Referrer> referrers, String what, String action) {
        if (referrers.isEmpty()) {
            return;
        }
        List<String> names = referrers.stream()
                .map(r -> r.uid() == null ? r.kind() : r.kind() + " '" + r.uid() + "'").distinct().toList();
        throw DomainException.conflict(what + " cannot be " + action + ": it is referenced by " + String.join(", ", names),
                Map.of("referrers", List.copyOf(referrers)));
    }

    private static void intervals(Route route, String name, String kind, String uid, List<Referrer> out) {
        if (contains(route.muteTimeIntervals(), name)) {
            out.add(new Referrer(kind, uid, "/mute_time_intervals"));
        }
        if (contains(route.activeTimeIntervals(), name)) {
            out.add(new Referrer(kind, uid, "/active_time_intervals"));
        }
    }

    private static boolean contains(List<String> names, String name) {
        return names != null && names.stream().filter(Objects::nonNull).anyMatch(name::equals);
    }
}
