package io.dashplane.server.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The YAML configuration file; every field optional. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConfigFile(String bind, Integer port, String dataDir, String secretKey, Integer shutdownGraceSeconds,
                         String provisioningDir, String bootstrapToken, Boolean basicAuth, Boolean metricsPublic,
                         java.util.List<String> corsAllowedOrigins, String tlsCertificate, String tlsKey,
                         Integer authFailureLimit) {
    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null,
            null, null);
}
