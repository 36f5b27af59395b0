package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A rule's simplified routing: send straight to a contact point instead of through the policy tree. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"receiver", "group_by", "group_wait", "group_interval", "repeat_interval",
        "mute_time_intervals", "active_time_intervals"})
public record NotificationSettings(
        String receiver,
        @JsonProperty("group_by") List<String> groupBy,
        @JsonProperty("group_wait") String groupWait,
        @JsonProperty("group_interval") String groupInterval,
        @JsonProperty("repeat_interval") String repeatInterval,
        @JsonProperty("mute_time_intervals") List<String> muteTimeIntervals,
        @JsonProperty("active_time_intervals") List<String> activeTimeIntervals) {
}
