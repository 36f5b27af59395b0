package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A named set of time intervals, used by routes as a mute timing or an active time interval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"version", "provenance"})
@JsonPropertyOrder({"name", "time_intervals"})
public record MuteTiming(String name, @JsonProperty("time_intervals") List<TimeInterval> timeIntervals) {
}
