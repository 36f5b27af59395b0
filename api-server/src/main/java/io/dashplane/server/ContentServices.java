package io.dashplane.server;

import io.dashplane.server.alerting.AlertingContent;
import io.dashplane.server.bundle.BundleService;
import io.dashplane.server.content.EnvironmentReader;
import io.dashplane.server.promotion.ChangePlanRepository;
import io.dashplane.server.promotion.PlanApplier;
import io.dashplane.server.promotion.PlanBuilder;
import io.dashplane.server.promotion.PromotionService;
import io.dashplane.server.provenance.ProvisionedObjects;
import io.dashplane.server.provisioning.ProvisioningService;

/** Promotion, export/import and file provisioning, wired over the core services. */
public record ContentServices(PromotionService promotions, BundleService bundles, ProvisioningService provisioning,
                              ProvisionedObjects provisionedObjects) {

    public static ContentServices over(Services s) {
        return over(s, PromotionService.DEFAULT_PLAN_TTL);
    }

    /** @param planTtl how long stored promotion/import plans can be applied */
    public static ContentServices over(Services s, java.time.Duration planTtl) {
        var alerting = new AlertingContent(s.alerting());
        var reader = new EnvironmentReader(s.datasourceRepository(), s.folderRepository(), s.dashboardRepository(),
                alerting, s.mapper());
        var provisioned = s.provisionedObjects();
        var builder = new PlanBuilder(reader, s.dashboardRepository(), s.mapper());
        var applier = new PlanApplier(s.datasources(), s.folders(), s.dashboards(), s.datasourceRepository(),
                s.folderRepository(), s.dashboardRepository(), provisioned, builder, alerting, s.mapper());
        var promotions = new PromotionService(s.database(), s.environments(), s.datasources(), reader, builder, applier,
                new ChangePlanRepository(s.mapper()), planTtl, java.time.Clock.systemUTC());
        var bundles = new BundleService(s.database(), s.environments(), reader, builder, promotions, s.mapper());
        var provisioning = new ProvisioningService(s.database(), s.mapper(), s.environments(), s.datasources(),
                s.folders(), s.dashboards(), provisioned, alerting);
        return new ContentServices(promotions, bundles, provisioning, provisioned);
    }
}
