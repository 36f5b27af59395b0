package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code options} of a file dashboard provider. {@code path} is absolute or resolved against the provisioning root,
 * and must lead into an allowed root ({@link ProvisioningScanner}); with {@code foldersFromFilesStructure} every
 * sub-directory becomes a folder of that name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderOptions(String path, Boolean foldersFromFilesStructure) {
}
