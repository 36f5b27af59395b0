package io.dashplane.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Security settings. {@code bootstrapToken}: the token of the server admin created on first start
 * (null: generate one and print it once). {@code tlsCertificate}/{@code tlsKey}: PEM files; both or
 * neither. {@code corsOrigins}: the allowed browser origins (empty: CORS off). After
 * {@code authFailureLimit} failed authentications from one client address within
 * {@code authFailureWindow}, its further failed attempts are answered 429 until the window ends (valid
 * credentials are always accepted).
 */
public record SecurityConfig(String bootstrapToken, boolean basicAuth, boolean metricsPublic, List<String> corsOrigins,
                             Path tlsCertificate, Path tlsKey, int authFailureLimit, Duration authFailureWindow) {
    public static final int DEFAULT_AUTH_FAILURE_LIMIT = 10;
    public static final Duration DEFAULT_AUTH_FAILURE_WINDOW = Duration.ofMinutes(1);

    public SecurityConfig {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        Objects.requireNonNull(authFailureWindow, "authFailureWindow");
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("tlsCertificate and tlsKey must be given together");
        }
        if (authFailureLimit < 1) {
            throw new IllegalArgumentException("authFailureLimit must be at least 1");
        }
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(null, false, false, List.of(), null, null, DEFAULT_AUTH_FAILURE_LIMIT,
                DEFAULT_AUTH_FAILURE_WINDOW);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    public SecurityConfig withBootstrapToken(String token) {
        return new SecurityConfig(token, basicAuth, metricsPublic, corsOrigins, tlsCertificate, tlsKey,
                authFailureLimit, authFailureWindow);
    }

    public SecurityConfig withBasicAuth(boolean enabled) {
        return new SecurityConfig(bootstrapToken, enabled, metricsPublic, corsOrigins, tlsCertificate, tlsKey,
                authFailureLimit, authFailureWindow);
    }

    public SecurityConfig withMetricsPublic(boolean enabled) {
        return new SecurityConfig(bootstrapToken, basicAuth, enabled, corsOrigins, tlsCertificate, tlsKey,
                authFailureLimit, authFailureWindow);
    }

    public SecurityConfig withCorsOrigins(List<String> origins) {
        return new SecurityConfig(bootstrapToken, basicAuth, metricsPublic, origins, tlsCertificate, tlsKey,
                authFailureLimit, authFailureWindow);
    }

    public SecurityConfig withTls(Path certificate, Path key) {
        return new SecurityConfig(bootstrapToken, basicAuth, metricsPublic, corsOrigins, certificate, key,
                authFailureLimit, authFailureWindow);
    }

    public SecurityConfig withAuthFailureLimit(int limit) {
        return new SecurityConfig(bootstrapToken, basicAuth, metricsPublic, corsOrigins, tlsCertificate, tlsKey,
                limit, authFailureWindow);
    }
}
