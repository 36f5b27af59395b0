package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A time of day range, {@code HH:MM} to {@code HH:MM} (end exclusive, {@code 24:00} allowed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"start_time", "end_time"})
public record TimeRange(@JsonProperty("start_time") String startTime, @JsonProperty("end_time") String endTime) {
}
