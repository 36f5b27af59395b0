package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An entry of {@code deleteRules} or {@code deleteContactPoints}: the object with this uid is deleted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orgId", "uid"})
public record UidDeletion(Long orgId, String uid) {
}
