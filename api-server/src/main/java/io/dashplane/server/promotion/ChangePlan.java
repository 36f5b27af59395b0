package io.dashplane.server.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashplane.schema.bundle.SecretInput;
import io.dashplane.schema.validation.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computed promotion or import: what would change in {@code target}, object by object. Stored under its
 * {@code id}; {@code POST /api/v1/promotions/{id}/apply} executes exactly these items.
 *
 * @param kind          {@code promotion} or {@code import}
 * @param source        the source environment (promotions), null for imports
 * @param secretInputs  secrets the apply needs (import: keys of datasources the plan creates)
 * @param warnings      what a target in {@code warn} validation mode takes although it is unresolved (alert rules,
 *                      and in promotions dashboards, naming a datasource the target lacks); pointers into the bundle
 *                      (imports) or into this plan (promotions); absent when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangePlan(String id, String kind, String source, String target, boolean prune, String createdAt,
                         Map<String, Integer> summary, List<PlanItem> items, List<SecretInput> secretInputs,
                         List<Finding> warnings) {
    public static final String PROMOTION = "promotion";
    public static final String IMPORT = "import";

    public ChangePlan {
        warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
    }

    public ChangePlan(String id, String kind, String source, String target, boolean prune, String createdAt,
                      Map<String, Integer> summary, List<PlanItem> items, List<SecretInput> secretInputs) {
        this(id, kind, source, target, prune, createdAt, summary, items, secretInputs, null);
    }

    /**
     * Whether applying this plan copies secret values out of the source environment: a promotion copies
     * the secrets of the datasources it creates and of every contact point it writes.
     */
    public boolean copiesSourceSecrets() {
        return PROMOTION.equals(kind) && items != null && items.stream().anyMatch(i ->
                PlanItem.DATASOURCE.equals(i.kind()) && PlanItem.CREATE.equals(i.action()) && i.sourceUid() != null
                        || PlanItem.CONTACT_POINT.equals(i.kind())
                        && (PlanItem.CREATE.equals(i.action()) || PlanItem.UPDATE.equals(i.action())));
    }

    public static Map<String, Integer> summarize(List<PlanItem> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String action : List.of(PlanItem.CREATE, PlanItem.UPDATE, PlanItem.DELETE, PlanItem.UNCHANGED)) {
            counts.put(action, (int) items.stream().filter(i -> i.action().equals(action)).count());
        }
        return counts;
    }
}
