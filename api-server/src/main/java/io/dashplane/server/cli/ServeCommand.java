package io.dashplane.server.cli;

import io.dashplane.server.DashplaneServer;
import io.dashplane.server.RunningServer;
import io.dashplane.server.config.ConfigLoader;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.crypto.SecretCheck;
import io.dashplane.server.storage.DataDirLock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the config server. Precedence: flag > DASHPLANE_* environment variable > config file > default.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", description = "HTTP port (0 = ephemeral). Env DASHPLANE_PORT. Default 8080.")
    Integer port;

    @Option(names = "--data-dir", description = "Data directory. Env DASHPLANE_DATA_DIR. Default ./data.")
    Path dataDir;

    @Option(names = "--config", description = "YAML config file. Env DASHPLANE_CONFIG.")
    Path configFile;

    @Option(names = "--bind", description = "Bind address. Env DASHPLANE_BIND. Default 127.0.0.1.")
    String bind;

    @Option(names = "--provisioning-dir", description = "Provisioning directory (Grafana's formats) loaded at start-up. "
            + "Env DASHPLANE_PROVISIONING_DIR.")
    Path provisioningDir;

    @Option(names = "--provisioning-allowed-root", paramLabel = "DIR",
            description = "A directory besides the provisioning directory that dashboard provider paths may lead into "
                    + "(repeatable). Env DASHPLANE_PROVISIONING_ALLOWED_ROOTS (list separated by the path separator).")
    java.util.List<Path> provisioningAllowedRoots;

    @Option(names = "--max-body-size", paramLabel = "SIZE",
            description = "Largest accepted request body (e.g. 16MiB, 500KB, 1048576; larger ones get 413). "
                    + "Env DASHPLANE_MAX_BODY_SIZE. Default 10MiB.")
    String maxBodySize;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL database (jdbc:postgresql://host:port/db) shared by several replicas; absent: "
                    + "SQLite in the data directory. Env DASHPLANE_DATABASE_URL; credentials from DASHPLANE_DATABASE_USER "
                    + "and DASHPLANE_DATABASE_PASSWORD or --database-password-file.")
    String databaseUrl;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password. Env DASHPLANE_DATABASE_PASSWORD_FILE.")
    Path databasePasswordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        java.io.PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            config = new ConfigLoader(System.getenv()).load(new ConfigLoader.Flags(port, dataDir, configFile, bind, provisioningDir,
                    provisioningAllowedRoots, maxBodySize, databaseUrl, databasePasswordFile));
        } catch (IllegalArgumentException e) {
            err.println("dashplane: " + e.getMessage());
            err.flush();
            return 2;
        }
        RunningServer server;
        try {
            server = DashplaneServer.start(config);
        } catch (DataDirLock.HeldException | SecretCheck.WrongKeyException e) {
            // expected refusals: the message says it all, a stack trace would bury it
            LOG.error("cannot start the server: {}", e.getMessage());
            err.println("dashplane: cannot start: " + e.getMessage());
            err.flush();
            return 1;
        } catch (RuntimeException e) {
            LOG.error("cannot start the server", e);
            err.println("dashplane: cannot start: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutdown requested");
            server.close();
            flushLogs();
            stopped.countDown();
        }, "dashplane-shutdown"));
        String host = server.baseUri().getHost();
        System.out.println("Dashplane listening on " + server.baseUri().getScheme() + "://" + host + ":" + server.port());
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** Writes the access log lines still queued (logback.xml sends them through an asynchronous appender). */
    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.stop();
        }
    }
}
