package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.TimeInterval;
import jakarta.validation.Valid;
import java.util.List;

/** A mute timing write: Grafana's shape, its uid (optional) and the compare-and-set {@code version}. */
@JsonIgnoreProperties({"provenance", "createdAt", "updatedAt", "warnings"})
public record MuteTimingRequest(
        @ObjectUid String uid,
        String name,
        @JsonProperty("time_intervals") List<@Valid TimeInterval> timeIntervals,
        Long version) {

    public MuteTiming muteTiming() {
        return new MuteTiming(name, timeIntervals);
    }
}
