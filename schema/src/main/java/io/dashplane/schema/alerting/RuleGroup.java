package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A rule group: the rules of one folder evaluated together every {@code interval}. {@code interval} is a
 * duration string ({@code 1m}); a bare number is read as seconds, as Grafana's HTTP API sends it.
 * Grafana's HTTP API calls the name {@code title}; both spellings are read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"folderUid", "name", "interval"})
public record RuleGroup(String folderUid, @JsonAlias("title") String name, String interval) {
}
