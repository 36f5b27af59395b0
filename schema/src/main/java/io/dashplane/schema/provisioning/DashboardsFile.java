package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A Grafana dashboard provisioning file ({@code provisioning/dashboards/*.yaml}) plus Dashplane's {@code environment}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "environment", "providers"})
public record DashboardsFile(Integer apiVersion, String environment, List<DashboardProvider> providers) {
}
