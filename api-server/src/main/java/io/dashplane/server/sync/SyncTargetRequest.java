package io.dashplane.server.sync;

import java.util.List;

/**
 * A target write (POST, PUT: full replace). {@code token} is write-only: omitted (null) on a PUT keeps the stored
 * one. Defaults: orgId 1, resyncInterval 5m, drift revert, enabled true, the rest false / null. {@code version}
 * is the compare-and-set version. Rules are checked by {@link TargetRules} so that every problem comes back at once.
 */
public record SyncTargetRequest(String name, String url, String token, Long orgId, TlsOptions tls,
                                List<String> folders, String resyncInterval, Boolean editable, Boolean adopt,
                                String drift, Boolean enabled, Long version) {
}
