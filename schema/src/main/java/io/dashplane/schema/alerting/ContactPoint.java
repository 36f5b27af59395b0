package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A named contact point with one or more integrations. Grafana's provisioning files call the list
 * {@code receivers}; it is read under both names and written as {@code integrations}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"uid", "name", "integrations"})
public record ContactPoint(String uid, String name, @JsonAlias("receivers") List<Integration> integrations) {
}
