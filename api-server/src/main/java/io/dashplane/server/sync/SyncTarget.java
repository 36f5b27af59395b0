package io.dashplane.server.sync;

import java.time.Duration;
import java.util.List;

/** A target as stored and returned: the token never appears, only {@code hasToken}. */
public record SyncTarget(String name, String url, boolean hasToken, long orgId, TlsOptions tls, List<String> folders,
                         String resyncInterval, boolean editable, boolean adopt, String drift, boolean enabled,
                         long version, String createdAt, String updatedAt) {
    public static final String REVERT = "revert";
    public static final String REPORT = "report";

    public Duration interval() {
        return io.dashplane.schema.alerting.Durations.parse(resyncInterval);
    }

    /** The base of the target's HTTP API, without a trailing slash. */
    public String base() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
