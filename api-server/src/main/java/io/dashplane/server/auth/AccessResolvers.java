package io.dashplane.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.promotion.ChangePlan;
import io.dashplane.server.promotion.PromotionRecord;
import io.dashplane.server.promotion.PromotionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-dependent rules of {@link AccessRules}: promotions name their environments in the body or
 * in a stored plan. Promotion needs Viewer on the source and Admin on the target; reading a plan or a
 * record needs Viewer on both. An unknown plan or record asks for nothing (the resource answers 404).
 *
 * <p>A promotion that copies secrets out of the source (the datasources it creates, the contact points it
 * writes) needs Admin on the source as well: the promoter is Admin of the target and could decrypt them
 * there. Before a plan exists only the body's selection is known, so every selection that may take a
 * datasource or contact point (none given, {@code all}, listed ones) counts; a dry run copies nothing.
 */
public final class AccessResolvers {
    public static final String PROMOTION = "promotion";
    public static final String PLAN_APPLY = "promotion-plan-apply";
    public static final String PLAN_READ = "promotion-plan-read";
    public static final String RECORD_READ = "promotion-record-read";

    private AccessResolvers() {
    }

    public static Map<String, AccessResolver> of(PromotionService promotions) {
        return Map.of(
                PROMOTION, facts -> {
                    JsonNode body = facts.body().get();
                    return body == null ? List.of() : across(text(body, "source"),
                            mayCopySecrets(body) ? Role.ADMIN : Role.VIEWER, text(body, "target"), Role.ADMIN);
                },
                PLAN_APPLY, facts -> plan(promotions, facts.pathParameters().get("planId"), true),
                PLAN_READ, facts -> plan(promotions, facts.pathParameters().get("planId"), false),
                RECORD_READ, facts -> {
                    try {
                        PromotionRecord r = promotions.get(facts.pathParameters().get("id"));
                        return across(r.source(), Role.VIEWER, r.target(), Role.VIEWER);
                    } catch (DomainException e) {
                        return List.of();
                    }
                });
    }

    private static List<AccessResolver.Requirement> plan(PromotionService promotions, String planId, boolean apply) {
        try {
            ChangePlan plan = promotions.getPlan(planId);
            return apply ? across(plan.source(), plan.copiesSourceSecrets() ? Role.ADMIN : Role.VIEWER,
                    plan.target(), Role.ADMIN)
                    : across(plan.source(), Role.VIEWER, plan.target(), Role.VIEWER);
        } catch (DomainException e) {
            return List.of();
        }
    }

    private static List<AccessResolver.Requirement> across(String source, Role sourceRole, String target, Role targetRole) {
        List<AccessResolver.Requirement> out = new ArrayList<>();
        if (source != null && !source.isEmpty()) {
            out.add(new AccessResolver.Requirement(source, sourceRole));
        }
        if (target != null && !target.isEmpty()) {
            out.add(new AccessResolver.Requirement(target, targetRole));
        }
        return out;
    }

    /** Whether a promotion request may copy secrets; anything unclear counts as yes. */
    private static boolean mayCopySecrets(JsonNode body) {
        if (body.path("dryRun").isBoolean() && body.get("dryRun").booleanValue()) {
            return false;
        }
        JsonNode selection = body.get("selection");
        if (selection == null || selection.isNull()) {
            return true; // no selection promotes everything
        }
        if (!selection.isObject()) {
            return true;
        }
        JsonNode all = selection.get("all");
        boolean takesAll = all != null && !all.isNull() && !(all.isBoolean() && !all.booleanValue());
        return takesAll || listsSomething(selection.get("datasources")) || listsSomething(selection.get("contactPoints"));
    }

    private static boolean listsSomething(JsonNode list) {
        return list != null && !list.isNull() && !(list.isArray() && list.isEmpty());
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
