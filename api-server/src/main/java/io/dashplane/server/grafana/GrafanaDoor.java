package io.dashplane.server.grafana;

import io.dashplane.server.Services;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/** The Grafana door's resources, its root routing by org id and its error bodies. */
public final class GrafanaDoor {
    private GrafanaDoor() {
    }

    public static List<Object> resources(Services services) {
        GrafanaProvenance provenance = new GrafanaProvenance(services.database());
        return List.of(
                new GrafanaMetaResource(services.environments()),
                new GrafanaDashboardResource(services.dashboards(), services.folders(), services.mapper()),
                new GrafanaSearchResource(services.dashboards(), services.folders()),
                new GrafanaFolderResource(services.folders(), services.environments()),
                new GrafanaDatasourceResource(services.datasources(), services.environments()),
                new GrafanaAlertRuleResource(services.alerting(), services.folders(), services.environments(),
                        provenance),
                new GrafanaNotificationResource(services.alerting(), provenance));
    }

    public static void register(ResourceConfig rc, Services services) {
        rc.register(new GrafanaOrgRouting(services.environments()));
        rc.register(new GrafanaErrors());
        rc.register(new GrafanaRefusalMapper());
    }
}
