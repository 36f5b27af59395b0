package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.TimeInterval;

import java.util.List;

/** An entry of {@code muteTimes}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orgId", "name", "time_intervals"})
public record ProvisionedMuteTiming(Long orgId, String name,
                                    @JsonProperty("time_intervals") List<TimeInterval> timeIntervals) {
    public MuteTiming toMuteTiming() {
        return new MuteTiming(name, timeIntervals);
    }

    public static ProvisionedMuteTiming of(MuteTiming timing) {
        return new ProvisionedMuteTiming(1L, timing.name(), timing.timeIntervals());
    }
}
