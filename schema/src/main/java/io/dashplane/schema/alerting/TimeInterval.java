package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One Alertmanager time interval; a moment matches when it matches every field that is present.
 * Weekdays, days of month, months and years are single values or inclusive {@code start:end} ranges.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"times", "weekdays", "days_of_month", "months", "years", "location"})
public record TimeInterval(
        List<TimeRange> times,
        List<String> weekdays,
        @JsonProperty("days_of_month") List<String> daysOfMonth,
        List<String> months,
        List<String> years,
        String location) {
}
