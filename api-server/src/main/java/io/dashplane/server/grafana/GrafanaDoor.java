package io.dashplane.server.grafana;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.storage.Database;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/** The Grafana door's resources, its root routing by org id and its error bodies, over the domains' services. */
public final class GrafanaDoor {
    private final Database database;
    private final ObjectMapper mapper;
    private final EnvironmentService environments;
    private final DatasourceService datasources;
    private final FolderService folders;
    private final DashboardService dashboards;
    private final AlertingServices alerting;

    public GrafanaDoor(Database database, ObjectMapper mapper, EnvironmentService environments,
                       DatasourceService datasources, FolderService folders, DashboardService dashboards,
                       AlertingServices alerting) {
        this.database = database;
        this.mapper = mapper;
        this.environments = environments;
        this.datasources = datasources;
        this.folders = folders;
        this.dashboards = dashboards;
        this.alerting = alerting;
    }

    public List<Object> resources() {
        GrafanaProvenance provenance = new GrafanaProvenance(database);
        return List.of(
                new GrafanaMetaResource(environments),
                new GrafanaDashboardResource(dashboards, folders, mapper),
                new GrafanaSearchResource(dashboards, folders),
                new GrafanaFolderResource(folders, environments),
                new GrafanaDatasourceResource(datasources, environments),
                new GrafanaAlertRuleResource(alerting, folders, environments, provenance),
                new GrafanaNotificationResource(alerting, provenance));
    }

    public void register(ResourceConfig rc) {
        rc.register(new GrafanaOrgRouting(environments));
        rc.register(new GrafanaErrors());
        rc.register(new GrafanaRefusalMapper());
    }
}
