package io.dashplane.server.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The outcome of loading a provisioning directory: per kind how many objects were written, left unchanged or
 * deleted, the environments created, and warnings as {@code file:line: message} / {@code file#pointer: message}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProvisioningResult(String directory, List<String> environmentsCreated,
                                 Map<String, Map<String, Integer>> counts, List<String> warnings) {
}
