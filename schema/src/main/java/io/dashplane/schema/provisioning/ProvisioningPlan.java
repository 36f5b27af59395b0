package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;

import java.util.List;

/**
 * What a provisioning root asks to load, per environment, in a stable order (by file, then position).
 * Files are named relative to the provisioning root with '/' separators. Nothing should be loaded when
 * {@link #hasErrors()}.
 */
public record ProvisioningPlan(
        List<Datasource> datasources,
        List<DatasourceDeletionRequest> datasourceDeletions,
        List<String> pruneEnvironments,
        List<Folder> folders,
        List<Dashboard> dashboards,
        List<Alerting> alerting,
        List<Provider> providers,
        List<FileFinding> findings) {
    public ProvisioningPlan {
        providers = List.copyOf(providers);
        datasources = List.copyOf(datasources);
        datasourceDeletions = List.copyOf(datasourceDeletions);
        pruneEnvironments = List.copyOf(pruneEnvironments);
        folders = List.copyOf(folders);
        dashboards = List.copyOf(dashboards);
        alerting = List.copyOf(alerting);
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(FileFinding::isError);
    }

    /** A datasource to create or update; {@code pointer} locates it in its file. */
    public record Datasource(String environment, String file, String pointer, ProvisionedDatasource datasource) {
    }

    public record DatasourceDeletionRequest(String environment, String file, DatasourceDeletion deletion) {
    }

    /**
     * A folder dashboards are loaded into, identified by its title path from the root ({@code ["Team", "ML"]}).
     * {@code uid} is the provider's {@code folderUid} for a provider folder, null where the server picks one.
     */
    public record Folder(String environment, List<String> path, String uid) {
        public Folder {
            path = List.copyOf(path);
        }

        public String title() {
            return path.get(path.size() - 1);
        }
    }

    /**
     * A dashboard file to load. {@code folderPath} is empty for the root (Grafana's General folder);
     * {@code folderUid} is the provider's folderUid when the dashboard goes to the provider's folder;
     * {@code source} what was read from disk (lets a rescan skip the file while it is unchanged).
     */
    public record Dashboard(String environment, DashboardProvider provider, String file, List<String> folderPath,
                            String folderUid, JsonNode dashboard, DashboardSource source) {
        public Dashboard {
            folderPath = List.copyOf(folderPath);
        }
    }

    /**
     * A dashboard provider whose path was read: {@code providerFile} is its provisioning file as scanned,
     * {@code pointer} its position there (for a later rescan of just this provider).
     */
    public record Provider(String environment, java.nio.file.Path providerFile, String pointer,
                           DashboardProvider provider) {
    }

    public record Alerting(String environment, String file, ProvisioningFile content) {
    }
}
