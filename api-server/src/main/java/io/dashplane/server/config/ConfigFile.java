package io.dashplane.server.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The YAML configuration file; every field optional. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConfigFile(String bind, Integer port, String dataDir, String secretKey, Integer shutdownGraceSeconds,
                         String provisioningDir, String bootstrapToken, Boolean basicAuth, Boolean metricsPublic,
                         List<String> corsAllowedOrigins, String tlsCertificate, String tlsKey,
                         Integer authFailureLimit, Provisioning provisioning, Long planTtlSeconds,
                         String maxBodySize) {
    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** {@code provisioning:} — extra allowed roots for dashboard provider paths, the periodic rescan switch. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Provisioning(List<String> allowedRoots, Boolean periodicRescan) {
    }
}
