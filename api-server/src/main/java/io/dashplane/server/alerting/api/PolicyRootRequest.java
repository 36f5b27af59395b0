package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dashplane.schema.alerting.LabelMatcher;
import io.dashplane.schema.alerting.Route;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;

/** A write of the notification policy root: Grafana's route shape plus the compare-and-set {@code version}. */
@JsonIgnoreProperties({"provenance", "createdAt", "updatedAt", "warnings"})
public record PolicyRootRequest(
        String receiver,
        @JsonProperty("group_by") List<String> groupBy,
        @JsonProperty("object_matchers") List<LabelMatcher> objectMatchers,
        List<String> matchers,
        Map<String, String> match,
        @JsonProperty("match_re") Map<String, String> matchRe,
        @JsonProperty("mute_time_intervals") List<String> muteTimeIntervals,
        @JsonProperty("active_time_intervals") List<String> activeTimeIntervals,
        @JsonProperty("continue") Boolean continueMatching,
        @JsonProperty("group_wait") String groupWait,
        @JsonProperty("group_interval") String groupInterval,
        @JsonProperty("repeat_interval") String repeatInterval,
        List<@Valid Route> routes,
        Long version) {

    public Route route() {
        return new Route(receiver, groupBy, objectMatchers, matchers, match, matchRe, muteTimeIntervals,
                activeTimeIntervals, continueMatching, groupWait, groupInterval, repeatInterval, routes);
    }
}
