package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A notification policy: the root of the tree or a nested route, as Grafana's provisioning API spells it.
 * {@code matchers} (Prometheus strings) and {@code match}/{@code match_re} are the older forms of
 * {@code object_matchers}; all are kept as sent. Grafana's {@code provenance} is accepted and dropped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"provenance"})
@JsonPropertyOrder({"receiver", "group_by", "object_matchers", "matchers", "match", "match_re",
        "mute_time_intervals", "active_time_intervals", "continue", "group_wait", "group_interval",
        "repeat_interval", "routes"})
public record Route(
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
        List<Route> routes) {

    /** The same route without children (for storing routes individually). */
    public Route withoutRoutes() {
        return withRoutes(null);
    }

    public Route withRoutes(List<Route> children) {
        return new Route(receiver, groupBy, objectMatchers, matchers, match, matchRe, muteTimeIntervals,
                activeTimeIntervals, continueMatching, groupWait, groupInterval, repeatInterval, children);
    }
}
