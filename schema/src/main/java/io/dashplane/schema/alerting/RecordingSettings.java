package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Makes a rule a recording rule: the result of query {@code from} is written as metric {@code metric}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"metric", "from", "targetDatasourceUid"})
public record RecordingSettings(String metric, String from, String targetDatasourceUid) {
}
