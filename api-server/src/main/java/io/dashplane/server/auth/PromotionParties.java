package io.dashplane.server.auth;

import java.util.Optional;

/**
 * What access decisions ask of the promotion domain: between which environments a stored plan or an applied
 * promotion goes. Owned by auth, implemented by promotion, so that auth knows no promotion class.
 */
public interface PromotionParties {
    /** The stored plan {@code planId}; empty when there is none (the resource then answers it). */
    Optional<Plan> plan(String planId);

    /** The applied promotion {@code id}; empty when there is none. */
    Optional<Applied> applied(String id);

    /** @param copiesSourceSecrets whether applying the plan copies secret values out of {@code source} */
    record Plan(String source, String target, boolean copiesSourceSecrets) {}

    record Applied(String source, String target) {}
}
