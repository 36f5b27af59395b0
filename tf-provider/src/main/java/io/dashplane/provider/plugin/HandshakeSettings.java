package io.dashplane.provider.plugin;

import java.util.Map;

/**
 * What the go-plugin client tells the plugin through the environment.
 *
 * @param cookieValid      TF_PLUGIN_MAGIC_COOKIE carries Terraform's value
 * @param protocolVersion  the highest of our versions (5, 6) that PLUGIN_PROTOCOL_VERSIONS offers; 5 if none
 * @param clientCertPem    PLUGIN_CLIENT_CERT, or null when TLS is off (no certificate or TF_DISABLE_PLUGIN_TLS)
 */
public record HandshakeSettings(boolean cookieValid, int protocolVersion, int minPort, int maxPort,
                                String clientCertPem) {
    public static final String MAGIC_COOKIE_KEY = io.dashplane.provider.shim.ShimProtocol.MAGIC_COOKIE_KEY;
    public static final String MAGIC_COOKIE_VALUE = io.dashplane.provider.shim.ShimProtocol.MAGIC_COOKIE_VALUE;
    public static final int[] SERVED_VERSIONS = {6, 5};

    public static HandshakeSettings fromEnvironment(Map<String, String> env) {
        boolean cookie = MAGIC_COOKIE_VALUE.equals(env.get(MAGIC_COOKIE_KEY));
        int min = port(env, "PLUGIN_MIN_PORT", 10000);
        int max = port(env, "PLUGIN_MAX_PORT", 25000);
        if (min > max) {
            throw new IllegalArgumentException("PLUGIN_MIN_PORT " + min + " is greater than PLUGIN_MAX_PORT " + max);
        }
        String cert = env.get("PLUGIN_CLIENT_CERT");
        String disable = env.get("TF_DISABLE_PLUGIN_TLS");
        boolean tls = cert != null && !cert.isBlank() && (disable == null || disable.isEmpty());
        return new HandshakeSettings(cookie, chooseVersion(env.get("PLUGIN_PROTOCOL_VERSIONS")), min, max,
                tls ? cert : null);
    }

    /** Clients list versions in random order: pick the highest we serve, whatever the order. */
    static int chooseVersion(String offered) {
        if (offered == null) {
            return 5;
        }
        int best = 0;
        for (String part : offered.split(",")) {
            int v;
            try {
                v = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                continue;
            }
            for (int served : SERVED_VERSIONS) {
                if (v == served && v > best) {
                    best = v;
                }
            }
        }
        return best == 0 ? 5 : best;
    }

    private static int port(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a port number: " + value);
        }
    }
}
