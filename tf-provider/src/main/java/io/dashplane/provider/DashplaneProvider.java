package io.dashplane.provider;

import io.dashplane.provider.client.ClientConfig;
import io.dashplane.provider.client.DashplaneApiException;
import io.dashplane.provider.client.DashplaneAuthException;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.client.DashplaneException;
import io.dashplane.provider.client.DashplaneUnreachableException;
import io.dashplane.provider.client.TlsOptions;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.DataSource;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.FrameworkProvider;
import io.dashplane.provider.framework.ProviderDefinition;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Values;
import io.dashplane.provider.plugin.PluginServer;
import io.dashplane.provider.resources.DashboardDataSource;
import io.dashplane.provider.resources.DashboardResource;
import io.dashplane.provider.resources.DashboardsDataSource;
import io.dashplane.provider.resources.DatasourceDataSource;
import io.dashplane.provider.resources.DatasourceResource;
import io.dashplane.provider.resources.FolderDataSource;
import io.dashplane.provider.resources.FolderResource;
import io.dashplane.provider.resources.AlertRuleResource;
import io.dashplane.provider.resources.ContactPointResource;
import io.dashplane.provider.resources.EnvironmentResource;
import io.dashplane.provider.resources.MessageTemplateResource;
import io.dashplane.provider.resources.MuteTimingResource;
import io.dashplane.provider.resources.NotificationPolicyResource;
import io.dashplane.provider.resources.NotificationRouteResource;
import io.dashplane.provider.resources.RuleGroupResource;
import io.dashplane.provider.resources.SyncTargetResource;
import io.dashplane.provider.resources.ProviderData;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Dashplane Terraform provider: the provider block ({@link ProviderSettings}), its resources and
 * data sources. {@link #main} serves it as a plugin; the launcher finds it through
 * {@link DashplaneProviderFactory} instead.
 */
public final class DashplaneProvider implements ProviderDefinition<ProviderData> {
    private final Map<String, String> environment;
    private final java.nio.file.Path workingDirectory;

    public DashplaneProvider() {
        this(System.getenv());
    }

    /** With an explicit process environment for the {@code DASHPLANE_*} fallbacks (tests). */
    public DashplaneProvider(Map<String, String> environment) {
        this(environment, null);
    }

    /**
     * A provider daemon session's: its Terraform's environment, and its working directory for relative PEM file
     * paths (null: the process's own).
     */
    public DashplaneProvider(Map<String, String> environment, java.nio.file.Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** A relative PEM file path against the session's working directory; PEM text and the rest unchanged. */
    private String inWorkingDirectory(String pemOrPath) {
        if (workingDirectory == null || pemOrPath == null || pemOrPath.isBlank() || pemOrPath.contains("-----BEGIN")) {
            return pemOrPath;
        }
        try {
            java.nio.file.Path path = java.nio.file.Path.of(pemOrPath.trim());
            return path.isAbsolute() ? pemOrPath : workingDirectory.resolve(path).toString();
        } catch (java.nio.file.InvalidPathException e) {
            return pemOrPath; // reported as unreadable where the file is read
        }
    }

    /** The provider as Terraform's plugin protocol sees it. */
    public static FrameworkProvider<ProviderData> protocol() {
        return new FrameworkProvider<>(new DashplaneProvider());
    }

    public static void main(String[] args) {
        PluginServer.serve(args, DashplaneProvider::protocol);
    }

    @Override
    public Schema schema() {
        return ProviderSettings.SCHEMA;
    }

    @Override
    public List<Resource<ProviderData>> resources() {
        return List.of(new FolderResource(), new DatasourceResource(), new DashboardResource(),
                new EnvironmentResource(), new RuleGroupResource(), new AlertRuleResource(), new ContactPointResource(),
                new NotificationPolicyResource(), new NotificationRouteResource(), new MuteTimingResource(),
                new MessageTemplateResource(), new SyncTargetResource());
    }

    @Override
    public List<DataSource<ProviderData>> dataSources() {
        return List.of(new DatasourceDataSource(), new FolderDataSource(), new DashboardDataSource(),
                new DashboardsDataSource());
    }

    /**
     * Resolves the settings, builds the client and checks that the server is reachable and accepts the
     * token; an environment that does not exist (yet) is a warning. A configuration that is not known yet (it depends on resources
     * not created) configures nothing; Terraform configures again with known values before apply.
     */
    @Override
    public ProviderData configure(Values config, Diagnostics diagnostics) {
        if (config != null && !config.toCty().isWhollyKnown()) {
            return null;
        }
        ProviderSettings settings = ProviderSettings.resolve(config, environment, diagnostics);
        if (settings == null) {
            return null;
        }
        DashplaneClient client;
        try {
            TlsOptions tls = new TlsOptions(inWorkingDirectory(settings.caCert()),
                    inWorkingDirectory(settings.clientCert()), inWorkingDirectory(settings.clientKey()),
                    settings.insecureSkipVerify());
            client = new DashplaneClient(new ClientConfig(URI.create(settings.url()), settings.token(),
                    settings.environment(), tls, settings.retries(), Duration.ofSeconds(settings.timeoutSeconds())));
        } catch (IllegalArgumentException | DashplaneException e) {
            diagnostics.error("Invalid provider configuration", e.getMessage());
            return null;
        }
        String where = "the Dashplane server at " + settings.url();
        try {
            if (client.getEnvironment(settings.environment()).isEmpty()) {
                // Not an error: the configuration may create it with dashplane_environment before anything is
                // written into it (a provider block whose environment refers to that resource is configured
                // during plan, before the environment exists). A write into a missing environment still fails.
                diagnostics.warning(AttributePath.of("environment"), "Environment does not exist yet",
                        "environment \"" + settings.environment() + "\" does not exist on " + where
                                + "; that is fine when this configuration creates it (dashplane_environment), otherwise "
                                + "create it (POST /api/v1/environments) or set environment / DASHPLANE_ENVIRONMENT");
            }
        } catch (DashplaneAuthException e) {
            if (settings.token() == null) {
                diagnostics.error(AttributePath.of("token"), "No API token configured",
                        where + " requires an API token (HTTP " + e.status() + ") and none is configured: set the "
                                + "provider's token argument or the DASHPLANE_TOKEN environment variable "
                                + "(a service account's token, see docs/security.md)");
            } else {
                diagnostics.error(AttributePath.of("token"), "Token rejected",
                        where + " rejected the token (HTTP " + e.status() + "); check token or DASHPLANE_TOKEN");
            }
            return null;
        } catch (DashplaneUnreachableException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            diagnostics.error(AttributePath.of("url"), "Cannot reach the Dashplane server",
                    message.contains(settings.url()) ? message : "cannot connect to " + where + ": " + message);
            return null;
        } catch (DashplaneApiException e) {
            diagnostics.error("Dashplane server error", where + " answered the environment check with HTTP "
                    + e.status() + ": " + e.problem().describe());
            return null;
        } catch (DashplaneException e) {
            diagnostics.error("Dashplane server error", where + ": " + e.getMessage());
            return null;
        }
        return new ProviderData(client, settings.environment());
    }
}
