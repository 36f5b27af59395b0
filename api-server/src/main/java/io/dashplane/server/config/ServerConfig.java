package io.dashplane.server.config;

import io.dashplane.server.storage.PostgresSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server needs to start. {@code port} 0 asks for an ephemeral port;
 * {@code secretKey} (base64 of 32 bytes) may be null, then the key is read from or generated into
 * {@code <dataDir>/secret.key}. {@code provisioningDir} (nullable) is loaded at start-up; the server refuses to
 * start when it has errors. {@code security}: authentication, TLS, CORS (see docs/security.md). {@code database}
 * (nullable) selects a PostgreSQL database; null means SQLite in {@code dataDir}.
 */
public record ServerConfig(String bind, int port, Path dataDir, String secretKey, Duration shutdownGrace,
                           long maxBodyBytes, Path provisioningDir, SecurityConfig security,
                           ProvisioningSettings provisioning, Duration planTtl, PostgresSettings database) {

    /**
     * The bootstrap token of {@link #ephemeral} servers: the server admin {@code admin} of a fresh
     * data directory gets it. Public knowledge, so for tests and benchmarks on loopback only.
     */
    public static final String EPHEMERAL_BOOTSTRAP_TOKEN = "dpt_ephemeral-test-server-admin-token-0000000000";

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** How long a stored promotion/import plan can be applied. */
    public static final Duration DEFAULT_PLAN_TTL = Duration.ofHours(24);

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        security = security == null ? SecurityConfig.defaults() : security;
        provisioning = provisioning == null ? ProvisioningSettings.defaults() : provisioning;
        planTtl = planTtl == null ? DEFAULT_PLAN_TTL : planTtl;
        if (planTtl.isNegative() || planTtl.isZero()) {
            throw new IllegalArgumentException("planTtl must be positive");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** Default provisioning settings and plan lifetime. */
    public ServerConfig(String bind, int port, Path dataDir, String secretKey, Duration shutdownGrace,
                        long maxBodyBytes, Path provisioningDir, SecurityConfig security) {
        this(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, security, null, null, null);
    }

    /** No provisioning directory, default security settings. */
    public ServerConfig(String bind, int port, Path dataDir, String secretKey, Duration shutdownGrace,
                        long maxBodyBytes) {
        this(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, (Path) null, SecurityConfig.defaults());
    }

    /** Default security settings. */
    public ServerConfig(String bind, int port, Path dataDir, String secretKey, Duration shutdownGrace,
                        long maxBodyBytes, Path provisioningDir) {
        this(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, SecurityConfig.defaults());
    }

    /**
     * Loopback, ephemeral port, the given data directory, key generated there, and the server admin
     * token {@link #EPHEMERAL_BOOTSTRAP_TOKEN}. For tests and benchmarks.
     */
    public static ServerConfig ephemeral(Path dataDir) {
        return new ServerConfig(DEFAULT_BIND, 0, dataDir, null, Duration.ofSeconds(2), DEFAULT_MAX_BODY_BYTES, null,
                SecurityConfig.defaults().withBootstrapToken(EPHEMERAL_BOOTSTRAP_TOKEN));
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_DATA_DIR, null, DEFAULT_SHUTDOWN_GRACE,
                DEFAULT_MAX_BODY_BYTES);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bind, newPort, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, security, provisioning, planTtl, database);
    }

    public ServerConfig withProvisioningDir(Path dir) {
        return new ServerConfig(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, dir, security, provisioning, planTtl, database);
    }

    public ServerConfig withSecretKey(String newKey) {
        return new ServerConfig(bind, port, dataDir, newKey, shutdownGrace, maxBodyBytes, provisioningDir, security, provisioning, planTtl, database);
    }

    public ServerConfig withSecurity(SecurityConfig newSecurity) {
        return new ServerConfig(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, newSecurity, provisioning, planTtl, database);
    }

    public ServerConfig withProvisioning(ProvisioningSettings settings) {
        return new ServerConfig(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, security,
                settings, planTtl, database);
    }

    /** PostgreSQL at {@code settings}; null for SQLite in the data directory. */
    public ServerConfig withDatabase(PostgresSettings settings) {
        return new ServerConfig(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, security,
                provisioning, planTtl, settings);
    }

    public ServerConfig withPlanTtl(Duration ttl) {
        return new ServerConfig(bind, port, dataDir, secretKey, shutdownGrace, maxBodyBytes, provisioningDir, security,
                provisioning, ttl, database);
    }
}
