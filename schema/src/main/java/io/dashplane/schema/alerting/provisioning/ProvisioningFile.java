package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Grafana's alerting provisioning file (apiVersion 1): objects to create or update, and the delete forms.
 * Read and written by {@link ProvisioningFiles}; checked by {@link ProvisioningFileValidator}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "groups", "deleteRules", "contactPoints", "deleteContactPoints", "policies",
        "resetPolicies", "muteTimes", "deleteMuteTimes", "templates", "deleteTemplates"})
public record ProvisioningFile(
        Integer apiVersion,
        List<ProvisionedRuleGroup> groups,
        List<UidDeletion> deleteRules,
        List<ProvisionedContactPoint> contactPoints,
        List<UidDeletion> deleteContactPoints,
        List<ProvisionedPolicy> policies,
        List<Long> resetPolicies,
        List<ProvisionedMuteTiming> muteTimes,
        List<NameDeletion> deleteMuteTimes,
        List<ProvisionedTemplate> templates,
        List<NameDeletion> deleteTemplates) {
    public static final int API_VERSION = 1;

    /** A file holding only objects to create or update (the export form). */
    public static ProvisioningFile export(List<ProvisionedRuleGroup> groups, List<ProvisionedContactPoint> contactPoints,
                                          List<ProvisionedPolicy> policies, List<ProvisionedMuteTiming> muteTimes,
                                          List<ProvisionedTemplate> templates) {
        return new ProvisioningFile(API_VERSION, groups, null, contactPoints, null, policies, null, muteTimes, null,
                templates, null);
    }

    /**
     * A copy with every list in a stable order: groups by folder then name, contact points, mute timings and
     * templates by name, deletions by uid or name. Rules keep their order within a group and integrations
     * their order within a contact point, since both orders are meaningful.
     */
    public ProvisioningFile sorted() {
        return new ProvisioningFile(apiVersion,
                sort(groups, Comparator.comparing(ProvisionedRuleGroup::folder, NULLS)
                        .thenComparing(ProvisionedRuleGroup::name, NULLS)),
                sort(deleteRules, Comparator.comparing(UidDeletion::uid, NULLS)),
                sort(contactPoints, Comparator.comparing(ProvisionedContactPoint::name, NULLS)),
                sort(deleteContactPoints, Comparator.comparing(UidDeletion::uid, NULLS)),
                sort(policies, Comparator.comparing(ProvisionedPolicy::orgId, Comparator.nullsFirst(Comparator.naturalOrder()))),
                sort(resetPolicies, Comparator.nullsFirst(Comparator.naturalOrder())),
                sort(muteTimes, Comparator.comparing(ProvisionedMuteTiming::name, NULLS)),
                sort(deleteMuteTimes, Comparator.comparing(NameDeletion::name, NULLS)),
                sort(templates, Comparator.comparing(ProvisionedTemplate::name, NULLS)),
                sort(deleteTemplates, Comparator.comparing(NameDeletion::name, NULLS)));
    }

    private static final Comparator<String> NULLS = Comparator.nullsFirst(Comparator.naturalOrder());

    private static <T> List<T> sort(List<T> list, Comparator<? super T> order) {
        if (list == null) {
            return null;
        }
        return list.stream().filter(Objects::nonNull).sorted(order).toList();
    }
}
