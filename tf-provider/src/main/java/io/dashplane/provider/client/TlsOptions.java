package io.dashplane.provider.client;

/**
 * TLS settings for talking to the Dashplane server. Each PEM field holds either the PEM text
 * itself or the path of a PEM file; null means not set.
 *
 * @param caCertificate      certificates to trust instead of the JVM's default trust store
 * @param clientCertificate  client certificate (chain) for mutual TLS; needs {@code clientKey}
 * @param clientKey          unencrypted private key of the client certificate (PKCS#8, PKCS#1 or SEC1)
 * @param insecureSkipVerify accept any server certificate and host name (testing only)
 */
public record TlsOptions(String caCertificate, String clientCertificate, String clientKey,
                         boolean insecureSkipVerify) {

    public static final TlsOptions DEFAULT = new TlsOptions(null, null, null, false);

    public TlsOptions {
        caCertificate = blankToNull(caCertificate);
        clientCertificate = blankToNull(clientCertificate);
        clientKey = blankToNull(clientKey);
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate and a client key must be given together");
        }
    }

    public boolean isDefault() {
        return caCertificate == null && clientCertificate == null && !insecureSkipVerify;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
