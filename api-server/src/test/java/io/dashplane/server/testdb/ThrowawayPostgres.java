package io.dashplane.server.testdb;

import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.PostgresSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server of its own for tests: Debian's PostgreSQL 15 binaries ({@code initdb} and {@code pg_ctl}, no
 * system service) in a temporary directory, on a free loopback port, stopped by {@link #close()}. initdb refuses to
 * run as root, so as root the binaries run as the {@code postgres} user (the Debian package creates it).
 * Durability settings are off unless {@link #durable()}: the data is thrown away.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    /** Where the binaries are; overridable with -Ddashplane.test.pgBin=DIR. */
    public static final String BIN_PROPERTY = "dashplane.test.pgBin";
    private static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String USER = "dashplane";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();
    private static final String TEMPLATE = "dashplane_template";
    private boolean templateReady;
    private boolean stopped;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Whether the binaries are installed here (tests that need PostgreSQL fail with a clear message otherwise). */
    public static Path binaries() {
        Path bin = Path.of(System.getProperty(BIN_PROPERTY, DEFAULT_BIN.toString()));
        if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + bin + " (install Debian's "
                    + "'postgresql' package, as .ci/run does, or set -D" + BIN_PROPERTY + "=DIR)");
        }
        return bin;
    }

    public static ThrowawayPostgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("dashplane-pg-");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, port, root);
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    pg.options(), "start"));
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "throwaway-postgres-stop"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a throw-away PostgreSQL", e);
        }
    }

    /** The cluster's files (tables, indexes, WAL), e.g. to check that a secret is never stored in clear. */
    public Path dataDirectory() {
        return dir.resolve("data");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A new database on this server with the current schema: a copy of a template migrated once (a server opening it
     * finds nothing to migrate), which is much faster than migrating every test's database.
     */
    public synchronized PostgresSettings createDatabase() {
        if (!templateReady) {
            admin("CREATE DATABASE " + TEMPLATE);
            Database.open(null, new PostgresSettings(url(TEMPLATE), USER, null)).close();
            templateReady = true;
        }
        String name = "dashplane_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new PostgresSettings(url(name), USER, null);
    }

    /** A new empty database on this server (the first server to open it migrates it). */
    public PostgresSettings createEmptyDatabase() {
        String name = "dashplane_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return new PostgresSettings(url(name), USER, null);
    }

    /** Drops the database of {@code settings} (its connections are closed by force). */
    public void dropDatabase(PostgresSettings settings) {
        String name = settings.url().substring(settings.url().lastIndexOf('/') + 1);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Stops accepting connections until {@link #resume()}: the server is stopped, its data kept. */
    public void pause() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "immediate",
                "stop"));
    }

    public void resume() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o", options(), "start"));
    }

    /**
     * Durable (fsync at commit) only with -Ddashplane.test.pgDurable=true: benchmarks compare like with like.
     * Without it, commits still write their WAL to the OS before they are acknowledged (synchronous_commit stays
     * on), so an acknowledged write survives {@link #pause()}'s immediate stop, as DatabaseOutageIT relies on.
     */
    public static boolean durable() {
        return Boolean.getBoolean("dashplane.test.pgDurable");
    }

    private String options() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=400"
                + (durable() ? "" : " -c fsync=off -c full_page_writes=off");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop"));
        } catch (RuntimeException e) {
            // already stopped (pause without resume) or gone: the directory goes anyway
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: leaving it is harmless
        }
    }
}
