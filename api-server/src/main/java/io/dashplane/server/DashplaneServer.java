package io.dashplane.server;

import io.dashplane.server.auth.PemTls;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.ContentServices;
import io.dashplane.server.provisioning.ProvisioningRescanner;
import io.dashplane.server.provisioning.ProvisioningResult;
import io.dashplane.server.provisioning.ProvisioningSource;
import io.dashplane.server.storage.DataDirLock;
import io.dashplane.server.sync.SyncService;
import io.dashplane.server.sync.TargetFiles;
import io.dashplane.server.http.IgnoreH2cUpgrade;
import io.dashplane.server.http.UriCheckingHandler;
import io.dashplane.server.metrics.ProcessMetricsRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the config server in this JVM: {@code DashplaneServer.start(ServerConfig.ephemeral(dir))}. */
public final class DashplaneServer {
    private static final Logger LOG = LoggerFactory.getLogger(DashplaneServer.class);

    private DashplaneServer() {
    }

    public static RunningServer start(ServerConfig config) {
        return start(config, System.getenv());
    }

    /**
     * @param provisioningVariables the variables {@code $VAR} in provisioning files expand to (the process
     *                              environment by default; embedding code and tests pass their own)
     */
    public static RunningServer start(ServerConfig config, java.util.Map<String, String> provisioningVariables) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        // Held until close(): offline commands (rotate-key, reset-admin-token) and a second server refuse meanwhile.
        // On PostgreSQL the replicas share the database, not a data directory: no lock then.
        DataDirLock lock = config.database() == null ? DataDirLock.acquire(config.dataDir()) : null;
        Services services;
        try {
            services = Services.open(config.dataDir(), config.secretKey(), config.database());
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
        ProvisioningRescanner rescanner = null;
        SyncService sync = null;
        HttpServer http = null;
        try {
            int sealed = services.alerting().contactPoints().sealPlaintextSecrets();
            if (sealed > 0) {
                LOG.info("sealed plain-text secret settings of {} contact point(s) stored before their types were known", sealed);
            }
            PrometheusRegistry registry = ProcessMetricsRegistry.create(services::objectCounts);
            ContentServices content = ContentServices.over(services, config.planTtl());
            ProvisioningSource source = config.provisioningDir() == null ? null : new ProvisioningSource(
                    config.provisioningDir(), config.provisioning().allowedRoots(), provisioningVariables);
            if (source != null) {
                provision(content, source);
                int targets = TargetFiles.load(source.directory(), source.variables(), services.targets());
                if (targets > 0) {
                    LOG.info("provisioned {} sync target(s) from {}", targets, source.directory().resolve("targets"));
                }
                if (config.provisioning().periodicRescan()) {
                    rescanner = new ProvisioningRescanner(content.provisioning(), registry, Clock.systemUTC(),
                            services.database().leadership()::isLeader).start();
                }
            }
            sync = new SyncService(services.database(), services.targets(), services.syncContent(), services.mapper(),
                    registry);
            ResourceConfig app = ApiApplication.create(services, content, source, rescanner, registry,
                    config.maxBodyBytes(), config.security(), sync);
            URI bindUri = URI.create("http://" + hostLiteral(config.bind()) + ":" + config.port() + "/");
            http = GrizzlyHttpServerFactory.createHttpServer(bindUri, false);
            GrizzlyHttpContainer jersey = new GrizzlyHttpContainerProvider().createContainer(GrizzlyHttpContainer.class, app);
            http.getServerConfiguration().addHttpHandler(new UriCheckingHandler(jersey), "/");
            // Defence in depth: Grizzly's own error page (for a failure no mapper could answer) shows a stack trace.
            http.getServerConfiguration().setDefaultErrorPageGenerator((request, status, reason, description, error) ->
                    "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status + "}");
            NetworkListener listener = http.getListeners().iterator().next();
            listener.registerAddOn(new IgnoreH2cUpgrade());
            if (config.security().tls()) {
                listener.setSecure(true);
                listener.setSSLEngineConfig(new SSLEngineConfigurator(
                        PemTls.context(config.security().tlsCertificate(), config.security().tlsKey()),
                        false, false, false));
            }
            // Request handling blocks on SQLite (one fsync per write); Grizzly's default worker pool is
            // sized for non-blocking work (2 x cores), too small for 16+ concurrent clients on CI.
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("dashplane-http").setCorePoolSize(16).setMaxPoolSize(64));
            http.start();
            // Last: an admin created by a start that then fails would hold the only token, printed by a run
            // the operator saw fail. Until this commits, requests are answered 401 (no account exists).
            services.serviceAccounts().bootstrap(config.security().bootstrapToken()).ifPresent(token -> {
                // Printed once, on stderr and never through the logger: log lines are kept and shipped.
                System.err.println("Dashplane created the server admin 'admin' with the token " + token
                        + " (shown only now; set DASHPLANE_BOOTSTRAP_TOKEN to choose it)");
                System.err.flush();
            });
            int port = listener.getPort();
            String host = isWildcard(config.bind()) ? "127.0.0.1" : hostLiteral(config.bind());
            String scheme = config.security().tls() ? "https" : "http";
            URI base = URI.create(scheme + "://" + host + ":" + port + "/");
            sync.start();
            LOG.info("server started on {} with data directory {} and the database {}", base,
                    config.dataDir().toAbsolutePath(), services.database().location());
            return new Handle(http, services, rescanner, sync, lock, base, port, config);
        } catch (IOException e) {
            if (sync != null) {
                sync.close();
            }
            abandon(http, rescanner, services, lock);
            throw new UncheckedIOException("cannot start the HTTP listener on " + config.bind() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            if (sync != null) {
                sync.close();
            }
            abandon(http, rescanner, services, lock);
            throw e;
        }
    }

    private static void abandon(HttpServer http, ProvisioningRescanner rescanner, Services services, DataDirLock lock) {
        if (http != null) {
            http.shutdownNow();
        }
        closeQuietly(rescanner);
        services.close();
        closeQuietly(lock);
    }

    private static void closeQuietly(DataDirLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    private static void closeQuietly(ProvisioningRescanner rescanner) {
        if (rescanner != null) {
            rescanner.close();
        }
    }

    /**
     * Loads the provisioning directory before the listener opens. Errors stop the start-up: serving a partly
     * provisioned or stale configuration would hide the broken file; every error is logged as file:line.
     */
    private static void provision(ContentServices content, ProvisioningSource source) {
        java.nio.file.Path dir = source.directory();
        try {
            ProvisioningResult result = content.provisioning().load(source);
            result.warnings().forEach(w -> LOG.warn("provisioning: {}", w));
            LOG.info("provisioned from {}: {}", dir.toAbsolutePath(), result.counts());
        } catch (DomainException e) {
            List<String> problems = e.errors().isEmpty() ? List.of(e.getMessage())
                    : e.errors().stream().map(f -> f.pointer() == null || f.pointer().isEmpty() ? f.message()
                            : f.pointer() + ": " + f.message()).toList();
            problems.forEach(p -> LOG.error("provisioning: {}", p));
            throw new IllegalStateException("the provisioning directory " + dir + " has errors: "
                    + String.join("; ", problems), e);
        }
    }

    private static boolean isWildcard(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
    }

    private static String hostLiteral(String bind) {
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    private static final class Handle implements RunningServer {
        private final HttpServer http;
        private final Services services;
        private final ProvisioningRescanner rescanner;
        private final SyncService sync;
        private final DataDirLock lock;
        private final URI base;
        private final int port;
        private final ServerConfig config;
        private boolean closed;

        Handle(HttpServer http, Services services, ProvisioningRescanner rescanner, SyncService sync, DataDirLock lock,
               URI base, int port, ServerConfig config) {
            this.sync = sync;
            this.http = http;
            this.services = services;
            this.rescanner = rescanner;
            this.lock = lock;
            this.base = base;
            this.port = port;
            this.config = config;
        }

        @Override
        public URI baseUri() {
            return base;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public Services services() {
            return services;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            long grace = Math.max(1, config.shutdownGrace().toMillis());
            try {
                // Stops accepting at once, waits for in-flight requests up to the grace period.
                http.shutdown(grace, TimeUnit.MILLISECONDS).get(grace + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                http.shutdownNow();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("graceful shutdown did not finish in time; forcing", e);
                http.shutdownNow();
            } finally {
                // the rescans and reconcilers write to the database: stop them before it closes
                closeQuietly(rescanner);
                sync.close();
                services.close();
                closeQuietly(lock);
                LOG.info("server stopped");
            }
        }
    }
}
