package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of {@code deleteDatasources:}: a datasource to delete by name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasourceDeletion(String name, Long orgId) {
}
