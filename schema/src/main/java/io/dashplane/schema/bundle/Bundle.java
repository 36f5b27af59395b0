package io.dashplane.schema.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An export of one environment's content, importable into another: datasources (without secrets, which are
 * listed in {@code secretInputs}), folders, dashboards and alerting. Read and written by {@link Bundles} in
 * a stable form; checked by {@link BundleValidator}.
 *
 * @param policies the notification policy tree (root route), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Bundle(
        Integer apiVersion,
        String environment,
        List<BundleDatasource> datasources,
        List<SecretInput> secretInputs,
        List<BundleFolder> folders,
        List<BundleDashboard> dashboards,
        List<BundleRuleGroup> ruleGroups,
        List<ContactPoint> contactPoints,
        Route policies,
        List<MuteTiming> muteTimings,
        List<MessageTemplate> templates) {
    public static final int API_VERSION = 1;
    private static final Comparator<String> NULLS = Comparator.nullsFirst(Comparator.naturalOrder());

    /**
     * A copy with every list in a stable order: by uid (datasources, folders, dashboards), by folder then
     * name (rule groups), by name (contact points, mute timings, templates). Rules within a group, integrations
     * within a contact point and routes keep their order, which is meaningful.
     */
    public Bundle sorted() {
        return new Bundle(apiVersion, environment,
                sort(datasources, Comparator.comparing(BundleDatasource::uid, NULLS)),
                sort(secretInputs, SecretInput.ORDER),
                sort(folders, Comparator.comparing(BundleFolder::uid, NULLS)),
                sort(dashboards, Comparator.comparing(BundleDashboard::uid, NULLS)),
                sort(ruleGroups, Comparator.comparing(BundleRuleGroup::folderUid, NULLS)
                        .thenComparing(BundleRuleGroup::name, NULLS)),
                sort(contactPoints, Comparator.comparing(ContactPoint::name, NULLS)),
                policies,
                sort(muteTimings, Comparator.comparing(MuteTiming::name, NULLS)),
                sort(templates, Comparator.comparing(MessageTemplate::name, NULLS)));
    }

    private static <T> List<T> sort(List<T> list, Comparator<? super T> order) {
        return list == null ? null : list.stream().filter(Objects::nonNull).sorted(order).toList();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
