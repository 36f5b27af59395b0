package io.dashplane.server.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An applied plan: who applied it, when, from where to where, and the objects it changed. {@code id} is the plan's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionRecord(String id, String kind, String actor, String source, String target,
                              List<AppliedObject> objects, String createdAt) {
}
