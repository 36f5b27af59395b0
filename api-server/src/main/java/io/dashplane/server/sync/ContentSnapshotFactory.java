package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.alerting.AlertingContent;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.content.EnvironmentReader;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.datasource.DatasourceRepository;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.storage.Database;

/** What the reconcilers read the environments' content with (the repositories of the content packages). */
public record ContentSnapshotFactory(Database db, DatasourceRepository datasourceRepository,
                                     FolderRepository folderRepository, DashboardRepository dashboardRepository,
                                     DatasourceService datasources, AlertingServices alerting, ObjectMapper mapper) {
    ContentSnapshot create() {
        EnvironmentReader reader = new EnvironmentReader(datasourceRepository, folderRepository, dashboardRepository,
                new AlertingContent(alerting), mapper);
        return new ContentSnapshot(db, reader, dashboardRepository, datasources, mapper);
    }
}
