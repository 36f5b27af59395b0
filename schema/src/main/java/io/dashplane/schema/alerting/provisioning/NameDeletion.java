package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An entry of {@code deleteMuteTimes} or {@code deleteTemplates}: the object with this name is deleted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orgId", "name"})
public record NameDeletion(Long orgId, String name) {
}
