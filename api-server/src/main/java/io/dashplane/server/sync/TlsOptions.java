package io.dashplane.server.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How the reconciler checks a target's certificate: {@code caCertificate} is PEM, or null for the JVM's trust. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TlsOptions(Boolean insecureSkipVerify, String caCertificate) {
    public static final TlsOptions DEFAULT = new TlsOptions(false, null);

    public boolean skipVerify() {
        return Boolean.TRUE.equals(insecureSkipVerify);
    }

    /** The X.509 certificates of a PEM text (validation and the reconciler's trust store read it the same way). */
    static java.util.Collection<? extends java.security.cert.Certificate> certificates(String pem)
            throws java.security.cert.CertificateException {
        return java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(
                new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
