package io.dashplane.server.grafana;

import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.folder.FolderService;

/** Grafana's numeric ids of folders and datasources (stable per environment, assigned on creation). */
public final class GrafanaIds {
    private final FolderService folders;
    private final DatasourceService datasources;

    public GrafanaIds(FolderService folders, DatasourceService datasources) {
        this.folders = folders;
        this.datasources = datasources;
    }

    long folderId(String env, String folderUid) {
        return folders.ids(env).getOrDefault(folderUid, 0L);
    }

    long datasourceId(String env, String datasourceUid) {
        return datasources.ids(env).getOrDefault(datasourceUid, 0L);
    }
}
