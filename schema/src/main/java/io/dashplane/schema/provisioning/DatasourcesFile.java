package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A Grafana datasource provisioning file ({@code provisioning/datasources/*.yaml}). {@code prune: true}
 * deletes provisioned datasources that are no longer in any file. {@code environment} is Dashplane's
 * extension: the environment the file provisions ({@value ProvisioningReader#DEFAULT_ENVIRONMENT} when absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "environment", "datasources", "deleteDatasources", "prune"})
public record DatasourcesFile(Integer apiVersion, String environment, List<ProvisionedDatasource> datasources,
                              List<DatasourceDeletion> deleteDatasources, Boolean prune) {
}
