package io.dashplane.server.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.promotion.DatasourceRewrite;
import java.util.List;

/**
 * One object of a plan.
 *
 * @param kind          {@code datasource}, {@code folder} or {@code dashboard}
 * @param action        {@code create}, {@code update}, {@code delete} or {@code unchanged}
 * @param targetVersion the version of the object in the target when the plan was computed, null when absent;
 *                      applying refuses when the target no longer has exactly this version
 * @param diff          RFC 6902 patch from the target's current object to the desired one (bundle entry form)
 * @param rewrites      datasource references rewritten for the target (dashboards)
 * @param sourceUid     for promoted datasources: the uid in the source environment (secrets are copied from it)
 * @param desired       the object the target gets (bundle entry form), null for deletions
 * @param targetDigest  alerting objects: SHA-256 of the target's object as the plan saw it (null when absent);
 *                      applying refuses when it differs (rule groups and contact points also show targetVersion)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanItem(String kind, String uid, String name, String action, Long targetVersion, JsonNode diff,
                       List<DatasourceRewrite> rewrites, String sourceUid, JsonNode desired, String targetDigest) {
    public static final String DATASOURCE = "datasource";
    public static final String FOLDER = "folder";
    public static final String DASHBOARD = "dashboard";
    public static final String RULE_GROUP = "ruleGroup";
    public static final String CONTACT_POINT = "contactPoint";
    public static final String POLICIES = "policies";
    public static final String MUTE_TIMING = "muteTiming";
    public static final String TEMPLATE = "template";

    public static boolean isAlerting(String kind) {
        return !DATASOURCE.equals(kind) && !FOLDER.equals(kind) && !DASHBOARD.equals(kind);
    }

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String UNCHANGED = "unchanged";

    public boolean changes() {
        return !UNCHANGED.equals(action);
    }
}
