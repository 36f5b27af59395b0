package io.dashplane.server.config;

import io.dashplane.server.storage.PostgresSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Resolves the configuration with precedence command-line flag > DASHPLANE_* variable > file > default. */
public final class ConfigLoader {

    /** Values given on the command line; null when absent. */
    public record Flags(Integer port, Path dataDir, Path configFile, String bind, Path provisioningDir,
                        List<Path> provisioningAllowedRoots, String maxBodySize, String databaseUrl,
                        Path databasePasswordFile) {
        public Flags(Integer port, Path dataDir, Path configFile, String bind) {
            this(port, dataDir, configFile, bind, null, null);
        }

        public Flags(Integer port, Path dataDir, Path configFile, String bind, Path provisioningDir) {
            this(port, dataDir, configFile, bind, provisioningDir, null);
        }

        public Flags(Integer port, Path dataDir, Path configFile, String bind, Path provisioningDir,
                     List<Path> provisioningAllowedRoots) {
            this(port, dataDir, configFile, bind, provisioningDir, provisioningAllowedRoots, null, null, null);
        }
    }

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public ServerConfig load(Flags flags) {
        Path configPath = flags.configFile() != null ? flags.configFile() : pathOrNull(env.get("DASHPLANE_CONFIG"));
        ConfigFile file = configPath == null ? ConfigFile.EMPTY : ConfigFileReader.read(configPath);

        String bind = first(flags.bind(), env.get("DASHPLANE_BIND"), file.bind(), ServerConfig.DEFAULT_BIND);
        int port = flags.port() != null ? flags.port()
                : env.get("DASHPLANE_PORT") != null ? parseInt("DASHPLANE_PORT", env.get("DASHPLANE_PORT"))
                : file.port() != null ? file.port() : ServerConfig.DEFAULT_PORT;
        Path dataDir = flags.dataDir() != null ? flags.dataDir()
                : Path.of(first(env.get("DASHPLANE_DATA_DIR"), file.dataDir(), ServerConfig.DEFAULT_DATA_DIR.toString())
                        .toString());
        String secretKey = first(env.get("DASHPLANE_SECRET_KEY"), file.secretKey(), null);
        Duration grace = env.get("DASHPLANE_SHUTDOWN_GRACE_SECONDS") != null
                ? Duration.ofSeconds(parseLong("DASHPLANE_SHUTDOWN_GRACE_SECONDS", env.get("DASHPLANE_SHUTDOWN_GRACE_SECONDS")))
                : file.shutdownGraceSeconds() != null ? Duration.ofSeconds(file.shutdownGraceSeconds())
                : ServerConfig.DEFAULT_SHUTDOWN_GRACE;
        Path provisioningDir = flags.provisioningDir() != null ? flags.provisioningDir()
                : pathOrNull(first(env.get("DASHPLANE_PROVISIONING_DIR"), file.provisioningDir()));

        String tlsCert = first(env.get("DASHPLANE_TLS_CERTIFICATE"), file.tlsCertificate(), null);
        String tlsKey = first(env.get("DASHPLANE_TLS_KEY"), file.tlsKey(), null);
        String cors = env.get("DASHPLANE_CORS_ALLOWED_ORIGINS");
        SecurityConfig security = new SecurityConfig(
                first(env.get("DASHPLANE_BOOTSTRAP_TOKEN"), file.bootstrapToken(), null),
                bool("DASHPLANE_BASIC_AUTH", file.basicAuth()),
                bool("DASHPLANE_METRICS_PUBLIC", file.metricsPublic()),
                cors != null ? java.util.Arrays.stream(cors.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList()
                        : file.corsAllowedOrigins(),
                tlsCert == null ? null : Path.of(tlsCert), tlsKey == null ? null : Path.of(tlsKey),
                env.get("DASHPLANE_AUTH_FAILURE_LIMIT") != null ? parseInt("DASHPLANE_AUTH_FAILURE_LIMIT", env.get("DASHPLANE_AUTH_FAILURE_LIMIT"))
                        : file.authFailureLimit() != null ? file.authFailureLimit() : SecurityConfig.DEFAULT_AUTH_FAILURE_LIMIT,
                SecurityConfig.DEFAULT_AUTH_FAILURE_WINDOW);
        ConfigFile.Provisioning fromFile = file.provisioning() == null ? new ConfigFile.Provisioning(null, null)
                : file.provisioning();
        String rootsVariable = env.get("DASHPLANE_PROVISIONING_ALLOWED_ROOTS");
        List<Path> allowedRoots = flags.provisioningAllowedRoots() != null && !flags.provisioningAllowedRoots().isEmpty()
                ? flags.provisioningAllowedRoots()
                : rootsVariable != null && !rootsVariable.isBlank()
                ? java.util.Arrays.stream(rootsVariable.split(java.io.File.pathSeparator)).map(String::trim)
                        .filter(r -> !r.isEmpty()).map(Path::of).toList()
                : fromFile.allowedRoots() == null ? List.of() : fromFile.allowedRoots().stream().map(Path::of).toList();
        boolean rescan = env.get("DASHPLANE_PROVISIONING_PERIODIC_RESCAN") != null
                && !env.get("DASHPLANE_PROVISIONING_PERIODIC_RESCAN").isBlank()
                ? bool("DASHPLANE_PROVISIONING_PERIODIC_RESCAN", null)
                : fromFile.periodicRescan() == null || fromFile.periodicRescan();
        Duration planTtl = env.get("DASHPLANE_PLAN_TTL_SECONDS") != null
                ? Duration.ofSeconds(parseLong("DASHPLANE_PLAN_TTL_SECONDS", env.get("DASHPLANE_PLAN_TTL_SECONDS")))
                : file.planTtlSeconds() != null ? Duration.ofSeconds(file.planTtlSeconds()) : ServerConfig.DEFAULT_PLAN_TTL;
        if (planTtl.isZero() || planTtl.isNegative()) {
            throw new IllegalArgumentException("the plan lifetime (DASHPLANE_PLAN_TTL_SECONDS / planTtlSeconds) must be "
                    + "positive, was " + planTtl.getSeconds());
        }
        return new ServerConfig(bind, port, dataDir, secretKey, grace, maxBodyBytes(flags, file),
                provisioningDir, security, new ProvisioningSettings(allowedRoots, rescan), planTtl, database(flags));
    }

    /**
     * The PostgreSQL database as serve resolves it (URL flag > DASHPLANE_DATABASE_URL; credentials from
     * DASHPLANE_DATABASE_USER and DASHPLANE_DATABASE_PASSWORD or the password file), as migrate-storage needs it;
     * null when no URL is given.
     */
    public PostgresSettings database(String urlFlag, Path passwordFileFlag) {
        return database(new Flags(null, null, null, null, null, null, null, urlFlag, passwordFileFlag));
    }

    /** PostgreSQL when a database URL is given (flag, then variable); null means SQLite in the data directory. */
    private PostgresSettings database(Flags flags) {
        String url = first(flags.databaseUrl(), env.get("DASHPLANE_DATABASE_URL"));
        if (url == null) {
            return null;
        }
        String password = env.get("DASHPLANE_DATABASE_PASSWORD");
        Path passwordFile = flags.databasePasswordFile() != null ? flags.databasePasswordFile()
                : pathOrNull(env.get("DASHPLANE_DATABASE_PASSWORD_FILE"));
        if (passwordFile != null) {
            try {
                password = java.nio.file.Files.readString(passwordFile).strip();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the database password file " + passwordFile + ": "
                        + e.getMessage());
            }
        }
        return new PostgresSettings(url.trim(), first(env.get("DASHPLANE_DATABASE_USER")), password);
    }

    /** The request body limit alone (flag > DASHPLANE_MAX_BODY_SIZE > file > 10MiB), as validate checks it. */
    public long maxBodyBytes(String flag, Path configFile) {
        Path configPath = configFile != null ? configFile : pathOrNull(env.get("DASHPLANE_CONFIG"));
        return maxBodyBytes(new Flags(null, null, null, null, null, null, flag, null, null),
                configPath == null ? ConfigFile.EMPTY : ConfigFileReader.read(configPath));
    }

    private long maxBodyBytes(Flags flags, ConfigFile file) {
        if (flags.maxBodySize() != null) {
            return ByteSize.parse("--max-body-size", flags.maxBodySize());
        }
        String variable = env.get("DASHPLANE_MAX_BODY_SIZE");
        if (variable != null && !variable.isBlank()) {
            return ByteSize.parse("DASHPLANE_MAX_BODY_SIZE", variable);
        }
        return file.maxBodySize() != null ? ByteSize.parse("maxBodySize", file.maxBodySize())
                : ServerConfig.DEFAULT_MAX_BODY_BYTES;
    }

    private boolean bool(String variable, Boolean fromFile) {
        String v = env.get(variable);
        if (v != null && !v.isBlank()) {
            return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new IllegalArgumentException(variable + " must be true or false, was " + v);
            };
        }
        return Boolean.TRUE.equals(fromFile);
    }

    private static long parseLong(String variable, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number");
        }
    }

    private static int parseInt(String variable, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number");
        }
    }

    private static Path pathOrNull(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }
}
