package io.dashplane.provider.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link DashplaneClient}.
 *
 * @param url         base URL of the server, e.g. {@code https://dashplane.example.com} (a path
 *                    prefix is kept; {@code /api/v1} is appended by the client)
 * @param token       bearer token; null sends no Authorization header
 * @param environment environment used when a call names none
 * @param tls         TLS settings
 * @param retries     extra attempts after a connection failure, 429, 502, 503 or 504
 * @param timeout     limit for connecting and for each request
 */
public record ClientConfig(URI url, String token, String environment, TlsOptions tls, int retries,
                           Duration timeout) {

    public static final String DEFAULT_ENVIRONMENT = "default";
    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ClientConfig {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("the server URL must be an absolute http or https URL, got \"" + url + "\"");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the server URL must not have a query or fragment: \"" + url + "\"");
        }
        token = token == null || token.isBlank() ? null : token;
        environment = environment == null || environment.isBlank() ? DEFAULT_ENVIRONMENT : environment;
        tls = tls == null ? TlsOptions.DEFAULT : tls;
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A config with defaults for everything but the URL. */
    public static ClientConfig of(String url) {
        return new ClientConfig(URI.create(url), null, null, null, DEFAULT_RETRIES, null);
    }

    public ClientConfig withToken(String token) {
        return new ClientConfig(url, token, environment, tls, retries, timeout);
    }

    public ClientConfig withEnvironment(String environment) {
        return new ClientConfig(url, token, environment, tls, retries, timeout);
    }

    public ClientConfig withTls(TlsOptions tls) {
        return new ClientConfig(url, token, environment, tls, retries, timeout);
    }

    public ClientConfig withRetries(int retries) {
        return new ClientConfig(url, token, environment, tls, retries, timeout);
    }

    public ClientConfig withTimeout(Duration timeout) {
        return new ClientConfig(url, token, environment, tls, retries, timeout);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ClientConfig[url=" + url + ", token=" + (token == null ? "none" : "(set)") + ", environment="
                + environment + ", tls=" + tls + ", retries=" + retries + ", timeout=" + timeout + "]";
    }
}
