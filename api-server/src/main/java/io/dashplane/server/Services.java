package io.dashplane.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.audit.AuditService;
import io.dashplane.server.auth.ServiceAccountRepository;
import io.dashplane.server.auth.ServiceAccountService;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.crypto.SecretCheck;
import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.dashboard.DashboardRepository;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.datasource.DatasourceRepository;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.environment.EnvironmentRepository;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.http.ApiObjectMapper;
import io.dashplane.server.provenance.ProvisionedObjects;
import io.dashplane.server.storage.Database;
import io.dashplane.server.sync.TargetService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service and repository layer over one data directory, without HTTP. The HTTP server is built
 * on it; benchmarks and tests can use it for in-process work (e.g. {@code dashboards().create(...)},
 * or {@code database().write(tx -> dashboardRepository().insert(tx, env, row))}).
 */
public record Services(Database database, ObjectMapper mapper,
                       EnvironmentRepository environmentRepository, DatasourceRepository datasourceRepository,
                       FolderRepository folderRepository, DashboardRepository dashboardRepository,
                       EnvironmentService environments, DatasourceService datasources, FolderService folders,
                       DashboardService dashboards, AlertingServices alerting, ServiceAccountService serviceAccounts,
                       AuditService audit, ProvisionedObjects provisionedObjects,
                       TargetService targets) implements AutoCloseable {

    /**
     * Opens the database in {@code dataDir} (migrating it) and wires the services.
     *
     * @throws SecretCheck.WrongKeyException when the key does not open every stored secret
     */
    public static Services open(Path dataDir, String secretKey) {
        return open(dataDir, secretKey, null);
    }

    /**
     * Opens the PostgreSQL database of {@code postgres} (SQLite in {@code dataDir} when null), migrating it, and
     * wires the services.
     *
     * @throws SecretCheck.WrongKeyException when the key does not open every stored secret
     */
    public static Services open(Path dataDir, String secretKey, io.dashplane.server.storage.PostgresSettings postgres) {
        boolean configured = secretKey != null && !secretKey.isBlank();
        Path keyFile = dataDir.resolve(SecretKeys.FILE_NAME);
        boolean keyFileExisted = Files.exists(keyFile);
        byte[] key = SecretKeys.resolve(secretKey, dataDir);
        Database db = Database.open(dataDir, postgres);
        try {
            SecretCheck.sealKeyCheck(db, new SecretBox(key));
            SecretCheck.requireAllOpen(db, new SecretBox(key), configured ? "DASHPLANE_SECRET_KEY (secretKey)"
                    : keyFile.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            db.close();
            if (!configured && !keyFileExisted) {
                // generated just now for a database sealed under a lost key: leave room to restore that key
                try {
                    Files.deleteIfExists(keyFile);
                } catch (java.io.IOException ignored) {
                    // the message of e matters more
                }
            }
            throw e;
        }
        ObjectMapper mapper = ApiObjectMapper.create();
        var envRepo = new EnvironmentRepository();
        var dsRepo = new DatasourceRepository(mapper);
        var folderRepo = new FolderRepository();
        var dashRepo = new DashboardRepository(mapper);
        var envs = new EnvironmentService(db, envRepo);
        var secretBox = new SecretBox(key);
        var provisioned = new ProvisionedObjects();
        var datasources = new DatasourceService(db, dsRepo, dashRepo::datasourceReferrers, envs, secretBox, mapper, provisioned);
        var alerting = AlertingServices.create(db, envs, dsRepo, folderRepo, secretBox, mapper, provisioned);
        var folders = new FolderService(db, folderRepo, dashRepo::countInFolder, envs, alerting.ruleRepository()::countInFolder,
                provisioned);
        var dashboards = new DashboardService(db, dashRepo, folderRepo::exists, datasourceNames(dsRepo), envs,
                mapper, provisioned);
        var accounts = new ServiceAccountService(db, new ServiceAccountRepository(), envRepo, Clock.systemUTC());
        return new Services(db, mapper, envRepo, dsRepo, folderRepo, dashRepo, envs, datasources, folders, dashboards,
                alerting, accounts, new AuditService(db), provisioned,
                new TargetService(db, envs, secretBox, new io.dashplane.server.storage.JsonText(mapper)));
    }

    /** What dashboard validation asks of the datasources. */
    private static DashboardService.DatasourceNames datasourceNames(DatasourceRepository datasources) {
        return (tx, env) -> {
            DatasourceService.UidsAndNames known = datasources.uidsAndNames(tx, env);
            return new DashboardService.DatasourceNames.Known(known.uids(), known.names());
        };
    }

    /** Object counts per kind, for metrics. */
    public Map<String, Long> objectCounts() {
        return database.read(tx -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("environment", environmentRepository.count(tx));
            counts.put("datasource", datasourceRepository.countAll(tx));
            counts.put("folder", folderRepository.countAll(tx));
            counts.put("dashboard", dashboardRepository.countAll(tx));
            counts.putAll(alerting.counts().count(tx));
            return counts;
        });
    }

    /** What sync targets' reconcilers read the content with. */
    public io.dashplane.server.sync.ContentSnapshotFactory syncContent() {
        return new io.dashplane.server.sync.ContentSnapshotFactory(database, datasourceRepository, folderRepository,
                dashboardRepository, datasources, alerting, mapper);
    }

    @Override
    public void close() {
        database.close();
    }
}
