package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.dashboard.DashboardCanonicalizer;
import io.dashplane.schema.json.Json;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one definition of "the same alerting object" for the server and the Terraform provider, so that
 * plans show no perpetual diffs: durations compare by value ({@code 5m} = {@code 300s}), Grafana's
 * defaults equal their absence (noDataState NoData, execErrState Alerting, for 0s, isPaused false,
 * continue false), empty lists and maps equal absent ones, query models and integration settings compare
 * as JSON (key order and number spelling ignored), weekday and month names ignore case, and template text
 * ignores surrounding whitespace. Invalid durations are left as written.
 */
public final class AlertingCanonicalizer {
    public static final String DEFAULT_NO_DATA_STATE = "NoData";
    public static final String DEFAULT_EXEC_ERR_STATE = "Alerting";

    private AlertingCanonicalizer() {
    }

    public static AlertRule canonical(AlertRule rule) {
        return new AlertRule(rule.uid(), rule.title(), rule.folderUID(), rule.ruleGroup(), blankToNull(rule.condition()),
                map(rule.data(), AlertingCanonicalizer::canonical),
                Objects.requireNonNullElse(rule.noDataState(), DEFAULT_NO_DATA_STATE),
                Objects.requireNonNullElse(rule.execErrState(), DEFAULT_EXEC_ERR_STATE),
                durationOrZero(rule.pendingPeriod()), durationOrZero(rule.keepFiringFor()),
                rule.missingSeriesEvalsToResolve(), emptyToNull(rule.annotations()), emptyToNull(rule.labels()),
                Objects.requireNonNullElse(rule.isPaused(), false),
                rule.notificationSettings() == null ? null : canonical(rule.notificationSettings()), rule.record());
    }

    public static boolean equivalent(AlertRule a, AlertRule b) {
        return bothNullOr(a, b, () -> tree(canonical(a)).equals(tree(canonical(b))));
    }

    static AlertQuery canonical(AlertQuery query) {
        RelativeTimeRange range = query.relativeTimeRange();
        if (range == null && query.isExpression()) {
            range = new RelativeTimeRange(0L, 0L);
        }
        return new AlertQuery(query.refId(), blankToNull(query.queryType()), range, query.datasourceUid(),
                query.model() == null ? null : DashboardCanonicalizer.canonicalize(query.model()));
    }

    static NotificationSettings canonical(NotificationSettings settings) {
        return new NotificationSettings(settings.receiver(), emptyToNull(settings.groupBy()),
                duration(settings.groupWait()), duration(settings.groupInterval()), duration(settings.repeatInterval()),
                emptyToNull(settings.muteTimeIntervals()), emptyToNull(settings.activeTimeIntervals()));
    }

    public static RuleGroup canonical(RuleGroup group) {
        String interval = group.interval();
        try {
            interval = Durations.format(RuleGroupValidator.parseInterval(interval));
        } catch (IllegalArgumentException | NullPointerException e) {
            // left as written; validation reports it
        }
        return new RuleGroup(group.folderUid(), group.name(), interval);
    }

    public static boolean equivalent(RuleGroup a, RuleGroup b) {
        return bothNullOr(a, b, () -> canonical(a).equals(canonical(b)));
    }

    public static Route canonical(Route route) {
        List<Route> children = map(route.routes(), AlertingCanonicalizer::canonical);
        return new Route(route.receiver(), emptyToNull(route.groupBy()), emptyToNull(route.objectMatchers()),
                emptyToNull(route.matchers()), emptyToNull(route.match()), emptyToNull(route.matchRe()),
                emptyToNull(route.muteTimeIntervals()), emptyToNull(route.activeTimeIntervals()),
                Boolean.TRUE.equals(route.continueMatching()) ? Boolean.TRUE : null,
                duration(route.groupWait()), duration(route.groupInterval()), duration(route.repeatInterval()),
                emptyToNull(children));
    }

    public static boolean equivalent(Route a, Route b) {
        return bothNullOr(a, b, () -> canonical(a).equals(canonical(b)));
    }

    public static MuteTiming canonical(MuteTiming timing) {
        return new MuteTiming(timing.name(), emptyToNull(map(timing.timeIntervals(), AlertingCanonicalizer::canonical)));
    }

    public static boolean equivalent(MuteTiming a, MuteTiming b) {
        return bothNullOr(a, b, () -> canonical(a).equals(canonical(b)));
    }

    static TimeInterval canonical(TimeInterval interval) {
        UnaryOperator<String> lower = value -> value == null ? null : value.replace(" ", "").toLowerCase(Locale.ROOT);
        UnaryOperator<String> trimmed = value -> value == null ? null : value.replace(" ", "");
        return new TimeInterval(emptyToNull(interval.times()), emptyToNull(map(interval.weekdays(), lower)),
                emptyToNull(map(interval.daysOfMonth(), trimmed)), emptyToNull(map(interval.months(), lower)),
                emptyToNull(map(interval.years(), trimmed)), blankToNull(interval.location()));
    }

    public static MessageTemplate canonical(MessageTemplate template) {
        return new MessageTemplate(template.name(), template.normalizedTemplate());
    }

    public static boolean equivalent(MessageTemplate a, MessageTemplate b) {
        return bothNullOr(a, b, () -> canonical(a).equals(canonical(b)));
    }

    /** Contact points compare by name, integration order, uid, type, settings as JSON, disableResolveMessage (absent = false). */
    public static ContactPoint canonical(ContactPoint contactPoint) {
        return new ContactPoint(contactPoint.uid(), contactPoint.name(), map(contactPoint.integrations(),
                i -> new Integration(i.uid(), i.type(),
                        i.settings() == null ? Json.mapper().createObjectNode() : DashboardCanonicalizer.canonicalize(i.settings()),
                        Objects.requireNonNullElse(i.disableResolveMessage(), false))));
    }

    public static boolean equivalent(ContactPoint a, ContactPoint b) {
        return bothNullOr(a, b, () -> canonical(a).equals(canonical(b)));
    }

    /** The canonical JSON of any alerting record: sorted keys, normalized numbers; for diffs and hashing. */
    public static JsonNode tree(Object record) {
        return DashboardCanonicalizer.canonicalize(Json.mapper().valueToTree(record));
    }

    private static boolean bothNullOr(Object a, Object b, java.util.function.BooleanSupplier compare) {
        if (a == null || b == null) {
            return a == b;
        }
        return compare.getAsBoolean();
    }

    private static String durationOrZero(String value) {
        return value == null || value.isEmpty() ? "0s" : duration(value);
    }

    private static String duration(String value) {
        if (value == null || !Durations.isValid(value)) {
            return value;
        }
        return Durations.format(Durations.parse(value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static <K, V> Map<K, V> emptyToNull(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static <T> List<T> map(List<T> list, UnaryOperator<T> f) {
        return list == null ? null : list.stream().map(f).toList();
    }
}
