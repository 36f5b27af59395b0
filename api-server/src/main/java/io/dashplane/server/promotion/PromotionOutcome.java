package io.dashplane.server.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of a promotion or import: the plan, and the record when it was applied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionOutcome(ChangePlan plan, PromotionRecord promotion) {
}
