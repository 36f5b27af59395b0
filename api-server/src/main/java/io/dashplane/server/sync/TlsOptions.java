package io.dashplane.server.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How the reconciler checks a target's certificate: {@code caCertificate} is PEM, or null for the JVM's trust. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TlsOptions(Boolean insecureSkipVerify, String caCertificate) {
    public static final TlsOptions DEFAULT = new TlsOptions(false, null);

    public boolean skipVerify() {
        return Boolean.TRUE.equals(insecureSkipVerify);
    }
}
