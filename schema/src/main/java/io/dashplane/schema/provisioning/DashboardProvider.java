package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of {@code providers:} in a Grafana dashboard provisioning file. Only {@code type: file} exists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "orgId", "folder", "folderUid", "type", "disableDeletion", "updateIntervalSeconds",
        "allowUiUpdates", "options"})
public record DashboardProvider(String name, Long orgId, String folder, String folderUid, String type,
                                Boolean disableDeletion, Integer updateIntervalSeconds, Boolean allowUiUpdates,
                                ProviderOptions options) {
    /** Grafana's sample files write {@code folder: ''} and {@code folderUid: ''}: empty means absent there. */
    public DashboardProvider {
        folder = folder == null || folder.isEmpty() ? null : folder;
        folderUid = folderUid == null || folderUid.isEmpty() ? null : folderUid;
    }

    public boolean foldersFromFilesStructure() {
        return options != null && Boolean.TRUE.equals(options.foldersFromFilesStructure());
    }
}
