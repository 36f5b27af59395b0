package io.dashplane.server.promotion;

import io.dashplane.server.auth.PromotionParties;
import io.dashplane.server.errors.DomainException;
import java.util.Optional;

/** Answers auth's questions about stored plans and applied promotions from the {@link PromotionService}. */
public final class PromotionPartiesLookup implements PromotionParties {
    private final PromotionService promotions;

    public PromotionPartiesLookup(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public Optional<Plan> plan(String planId) {
        try {
            ChangePlan plan = promotions.getPlan(planId);
            return Optional.of(new Plan(plan.source(), plan.target(), plan.copiesSourceSecrets()));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Applied> applied(String id) {
        try {
            PromotionRecord r = promotions.get(id);
            return Optional.of(new Applied(r.source(), r.target()));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
