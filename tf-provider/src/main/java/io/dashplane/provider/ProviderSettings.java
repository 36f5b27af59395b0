package io.dashplane.provider;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The provider block: its schema and how each argument falls back to a {@code DASHPLANE_*}
 * environment variable and then to its documented default (docs/index.md).
 */
public record ProviderSettings(String url, String token, String environment, String caCert, String clientCert,
                               String clientKey, boolean insecureSkipVerify, int retries, int timeoutSeconds) {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    public static final String DEFAULT_ENVIRONMENT = "default";
    public static final int DEFAULT_RETRIES = 3;
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public static final Schema SCHEMA = Schema.of(0, "Dashplane config server connection",
            Attr.string("url").optional().description("base URL of the config server; env DASHPLANE_URL, default " + DEFAULT_URL),
            Attr.string("token").optional().sensitive().description("API token sent as Authorization: Bearer; env DASHPLANE_TOKEN"),
            Attr.string("environment").optional().validate(Validators.uid())
                    .description("environment every resource lives in; env DASHPLANE_ENVIRONMENT, default " + DEFAULT_ENVIRONMENT),
            Attr.string("ca_cert").optional().description("PEM text or path of the CA of the server certificate; env DASHPLANE_CA_CERT"),
            Attr.string("client_cert").optional().description("PEM text or path of a client certificate; env DASHPLANE_CLIENT_CERT"),
            Attr.string("client_key").optional().sensitive().description("PEM text or path of the client key; env DASHPLANE_CLIENT_KEY"),
            Attr.bool("insecure_skip_verify").optional().description("do not verify the server certificate; env DASHPLANE_INSECURE_SKIP_VERIFY, default false"),
            Attr.number("retries").optional().validate(Validators.atLeast(0)).description("retries of idempotent requests; env DASHPLANE_RETRIES, default 3"),
            Attr.number("timeout").optional().validate(Validators.atLeast(1)).description("seconds per HTTP request; env DASHPLANE_TIMEOUT, default 30"));

    /** Never prints the token or the key. */
    @Override
    public String toString() {
        return "ProviderSettings[url=" + url + ", environment=" + environment + ", retries=" + retries
                + ", timeout=" + timeoutSeconds + "s, insecureSkipVerify=" + insecureSkipVerify + "]";
    }

    /**
     * Resolves every argument: configuration, else environment variable, else default. Adds an error
     * per invalid value and returns null when there is one. Unknown configuration values must have
     * been ruled out by the caller.
     */
    public static ProviderSettings resolve(Values config, Map<String, String> env, Diagnostics diagnostics) {
        int errorsBefore = diagnostics.toList().size();
        String url = text(config, env, "url", "DASHPLANE_URL", DEFAULT_URL);
        checkUrl(url, diagnostics);
        String environment = text(config, env, "environment", "DASHPLANE_ENVIRONMENT", DEFAULT_ENVIRONMENT);
        boolean insecure = bool(config, env, "insecure_skip_verify", "DASHPLANE_INSECURE_SKIP_VERIFY", diagnostics);
        int retries = integer(config, env, "retries", "DASHPLANE_RETRIES", DEFAULT_RETRIES, 0, diagnostics);
        int timeout = integer(config, env, "timeout", "DASHPLANE_TIMEOUT", DEFAULT_TIMEOUT_SECONDS, 1, diagnostics);
        String clientCert = text(config, env, "client_cert", "DASHPLANE_CLIENT_CERT", null);
        String clientKey = text(config, env, "client_key", "DASHPLANE_CLIENT_KEY", null);
        if ((clientCert == null) != (clientKey == null)) {
            diagnostics.error(AttributePath.of(clientCert == null ? "client_cert" : "client_key"),
                    "Incomplete client certificate",
                    "client_cert and client_key (or DASHPLANE_CLIENT_CERT and DASHPLANE_CLIENT_KEY) must be set together");
        }
        if (diagnostics.toList().size() > errorsBefore && diagnostics.hasErrors()) {
            return null;
        }
        return new ProviderSettings(url, text(config, env, "token", "DASHPLANE_TOKEN", null), environment,
                text(config, env, "ca_cert", "DASHPLANE_CA_CERT", null), clientCert, clientKey, insecure, retries, timeout);
    }

    private static void checkUrl(String url, Diagnostics diagnostics) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        diagnostics.error(AttributePath.of("url"), "Invalid server URL",
                "url (or DASHPLANE_URL) must be an absolute http or https URL such as " + DEFAULT_URL + ", got \"" + url + "\"");
    }

    private static String text(Values config, Map<String, String> env, String name, String variable, String fallback) {
        String configured = config == null ? null : config.getString(name);
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        String fromEnv = env.get(variable);
        return fromEnv != null && !fromEnv.isEmpty() ? fromEnv : fallback;
    }

    private static boolean bool(Values config, Map<String, String> env, String name, String variable, Diagnostics diagnostics) {
        Boolean configured = config == null ? null : config.getBool(name);
        if (configured != null) {
            return configured;
        }
        String fromEnv = env.get(variable);
        if (fromEnv == null || fromEnv.isBlank()) {
            return false;
        }
        switch (fromEnv.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> {
                return true;
            }
            case "false", "0", "no" -> {
                return false;
            }
            default -> {
                diagnostics.error(AttributePath.of(name), "Invalid " + variable,
                        variable + " must be true or false, got \"" + fromEnv + "\"");
                return false;
            }
        }
    }

    private static int integer(Values config, Map<String, String> env, String name, String variable, int fallback,
                               int min, Diagnostics diagnostics) {
        if (config != null && config.isPresent(name)) {
            long value = config.getNumber(name).longValue();
            return (int) Math.max(min, Math.min(value, Integer.MAX_VALUE));
        }
        String fromEnv = env.get(variable);
        if (fromEnv == null || fromEnv.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(fromEnv.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        diagnostics.error(AttributePath.of(name), "Invalid " + variable,
                variable + " must be a whole number of at least " + min + ", got \"" + fromEnv + "\"");
        return fallback;
    }
}
