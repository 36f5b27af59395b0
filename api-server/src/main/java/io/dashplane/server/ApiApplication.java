package io.dashplane.server;

import io.dashplane.server.audit.AuditResource;
import io.dashplane.server.changes.api.ChangeFeedResource;
import io.dashplane.server.changes.api.ChangeFeedService;
import io.dashplane.server.auth.AccessResolvers;
import io.dashplane.server.auth.AuthFailureThrottle;
import io.dashplane.server.auth.AuthFilter;
import io.dashplane.server.auth.CorsFilter;
import io.dashplane.server.auth.SecurityHeadersFilter;
import io.dashplane.server.auth.ServiceAccountResource;
import io.dashplane.server.auth.WhoamiResource;
import io.dashplane.server.config.SecurityConfig;
import io.dashplane.server.alerting.api.AlertingResources;
import io.dashplane.server.bundle.BundleExportResource;
import io.dashplane.server.bundle.BundleImportResource;
import io.dashplane.server.promotion.PromotionPartiesLookup;
import io.dashplane.server.promotion.PromotionResource;
import io.dashplane.server.provisioning.ProvisioningRescanner;
import io.dashplane.server.provisioning.ProvisioningResource;
import io.dashplane.server.provisioning.ProvisioningSource;
import io.dashplane.server.dashboard.DashboardReads;
import io.dashplane.server.dashboard.DashboardResource;
import io.dashplane.server.validation.ValidationResource;
import io.dashplane.server.validation.ValidationService;
import io.dashplane.server.datasource.DatasourceResource;
import io.dashplane.server.environment.EnvironmentResource;
import io.dashplane.server.folder.FolderResource;
import io.dashplane.server.grafana.GrafanaDoor;
import io.dashplane.server.http.BodySizeLimitFilter;
import io.dashplane.server.http.BodyTooLargeMapper;
import io.dashplane.server.http.CatchAllMapper;
import io.dashplane.server.http.ConstraintViolationMapper;
import io.dashplane.server.http.DomainExceptionMapper;
import io.dashplane.server.http.HeaderSyntaxFilter;
import io.dashplane.server.http.JsonErrorMapper;
import io.dashplane.server.http.MatrixParameterFilter;
import io.dashplane.server.http.MetricsFilter;
import io.dashplane.server.http.ObjectMapperResolver;
import io.dashplane.server.http.OperationsResource;
import io.dashplane.server.http.OptionsResponseFilter;
import io.dashplane.server.http.PathIdentifierFilter;
import io.dashplane.server.http.ProblemExceptionMapper;
import io.dashplane.server.http.QueryFlag;
import io.dashplane.server.http.QueryFlagConverter;
import io.dashplane.server.http.StorageFullMapper;
import io.dashplane.server.http.TextBodyReader;
import io.dashplane.server.http.WebApplicationExceptionMapper;
import io.dashplane.server.metrics.HttpMetrics;
import io.dashplane.server.openapi.OpenApiDocument;
import io.dashplane.server.sync.api.DashboardLinkResource;
import io.dashplane.server.sync.SyncLinks;
import io.dashplane.server.sync.SyncService;
import io.dashplane.server.sync.api.TargetResource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;

/**
 * The Jersey application: resources, JSON, validation, problem mappers, limits, metrics. Part of the composition
 * root: it wires every domain's resources onto the plumbing of package {@code http}, which knows no domain.
 */
public final class ApiApplication {
    private ApiApplication() {
    }

    public static ResourceConfig create(Services services, PrometheusRegistry registry, long maxBodyBytes) {
        return create(services, ContentServices.over(services), null, Map.of(), registry, maxBodyBytes,
                SecurityConfig.defaults());
    }

    /** With promotion, export/import and provisioning ({@code provisioningDir} for reloads, may be null). */
    public static ResourceConfig create(Services services, ContentServices content, java.nio.file.Path provisioningDir,
                                        Map<String, String> provisioningVariables, PrometheusRegistry registry,
                                        long maxBodyBytes) {
        return create(services, content, provisioningDir, provisioningVariables, registry, maxBodyBytes,
                SecurityConfig.defaults());
    }

    /** ... and the security settings (authentication, CORS, TLS headers). */
    public static ResourceConfig create(Services services, ContentServices content, java.nio.file.Path provisioningDir,
                                        Map<String, String> provisioningVariables, PrometheusRegistry registry,
                                        long maxBodyBytes, SecurityConfig security) {
        return create(services, content, provisioningDir == null ? null
                : new ProvisioningSource(provisioningDir, List.of(), provisioningVariables), null, registry,
                maxBodyBytes, security);
    }

    /**
     * @param provisioning what reloads read (null: no provisioning directory)
     * @param rescanner    the periodic rescans of dashboard providers (null: off)
     */
    public static ResourceConfig create(Services services, ContentServices content, ProvisioningSource provisioning,
                                        ProvisioningRescanner rescanner, PrometheusRegistry registry,
                                        long maxBodyBytes, SecurityConfig security) {
        // without running reconcilers: status, plan and sync-now still work (in the request's thread)
        return create(services, content, provisioning, rescanner, registry, maxBodyBytes, security,
                new SyncService(services.database(), services.targets(), services.syncContent(), services.mapper(),
                        registry));
    }

    /** ... and the sync targets' reconcilers. */
    public static ResourceConfig create(Services services, ContentServices content, ProvisioningSource provisioning,
                                        ProvisioningRescanner rescanner, PrometheusRegistry registry,
                                        long maxBodyBytes, SecurityConfig security, SyncService sync) {
        ResourceConfig rc = new ResourceConfig();
        // Explicit registration only: auto-discovery would add Jersey's own Jackson exception mappers,
        // which answer parse errors without a pointer.
        rc.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(new ObjectMapperResolver(services.mapper()));
        rc.register(TextBodyReader.class);
        rc.register(ValidationFeature.class);
        rc.register(new QueryFlagConverter());

        SyncLinks links = new SyncLinks(services.database(), services.targets(), services.folderRepository());
        List<Object> resources = new java.util.ArrayList<>(List.of(
                new EnvironmentResource(services.environments()),
                new DatasourceResource(services.datasources()),
                new FolderResource(services.folders()),
                new DashboardResource(services.dashboards(),
                        new DashboardReads(services.database(), services.dashboards(), services.mapper(), links), links),
                new DashboardLinkResource(services.database(), services.environmentRepository(),
                        services.dashboardRepository(), links),
                new ValidationResource(new ValidationService(services.dashboards(), links)),
                new OperationsResource(services.database(), registry),
                new io.dashplane.server.backup.BackupResource(services.database()),
                new ServiceAccountResource(services.serviceAccounts()),
                new WhoamiResource(),
                new AuditResource(services.audit()),
                new ChangeFeedResource(new ChangeFeedService(services.database(), services.environments())),
                new PromotionResource(content.promotions()),
                new BundleExportResource(content.bundles()),
                new BundleImportResource(content.bundles()),
                new ProvisioningResource(content.provisioning(), provisioning, rescanner),
                new TargetResource(services.targets(), sync)));
        GrafanaDoor grafana = new GrafanaDoor(services.database(), services.mapper(), services.environments(),
                services.datasources(), services.folders(), services.dashboards(), services.alerting());
        resources.addAll(grafana.resources());
        resources.addAll(AlertingResources.all(services.alerting()));
        Set<Class<?>> resourceClasses = new LinkedHashSet<>();
        resources.forEach(r -> {
            rc.register(r);
            resourceClasses.add(r.getClass());
        });
        resourceClasses.add(OpenApiDocument.class);
        rc.register(OpenApiDocument.of(resourceClasses, Set.of(QueryFlag.class)));

        rc.register(new MetricsFilter(new HttpMetrics(registry)));
        rc.register(new HeaderSyntaxFilter());
        rc.register(new MatrixParameterFilter());
        rc.register(new PathIdentifierFilter());
        rc.register(new OptionsResponseFilter());
        rc.register(new BodySizeLimitFilter(maxBodyBytes));
        rc.register(new AuthFilter(services.serviceAccounts(), new AuthFailureThrottle(security.authFailureLimit(),
                security.authFailureWindow(), Clock.systemUTC()), security.basicAuth(), security.metricsPublic(),
                AccessResolvers.of(new PromotionPartiesLookup(content.promotions()))));
        rc.register(new SecurityHeadersFilter(security.tls()));
        if (!security.corsOrigins().isEmpty()) {
            rc.register(new CorsFilter(new LinkedHashSet<>(security.corsOrigins())));
        }
        grafana.register(rc);
        rc.register(new ProblemExceptionMapper());
        rc.register(new DomainExceptionMapper());
        rc.register(new JsonErrorMapper());
        rc.register(new BodyTooLargeMapper());
        rc.register(new ConstraintViolationMapper());
        rc.register(new WebApplicationExceptionMapper());
        rc.register(new StorageFullMapper());
        rc.register(new CatchAllMapper());
        return rc;
    }
}
