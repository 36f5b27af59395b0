package io.dashplane.provider.client;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Builds the {@link SSLContext} for {@link TlsOptions}. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * The SSL context for the options: trust the given CA certificates (else the JVM defaults),
     * present the client certificate when given, or trust anything with insecureSkipVerify.
     *
     * @throws IllegalArgumentException when a PEM setting cannot be read or parsed
     */
    public static SSLContext create(TlsOptions options) {
        try {
            TrustManager[] trustManagers = null;
            if (options.insecureSkipVerify()) {
                trustManagers = new TrustManager[] {new TrustEverything()};
            } else if (options.caCertificate() != null) {
                KeyStore trustStore = emptyKeyStore();
                List<X509Certificate> cas = PemMaterial.certificates(options.caCertificate(), "CA certificate");
                for (int i = 0; i < cas.size(); i++) {
                    trustStore.setCertificateEntry("ca-" + i, cas.get(i));
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore);
                trustManagers = factory.getTrustManagers();
            }
            KeyManager[] keyManagers = null;
            if (options.clientCertificate() != null) {
                List<X509Certificate> chain = PemMaterial.certificates(options.clientCertificate(), "client certificate");
                PrivateKey key = PemMaterial.privateKey(options.clientKey(), "client key");
                KeyStore keyStore = emptyKeyStore();
                char[] password = new char[0];
                keyStore.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keyStore, password);
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    /**
     * Accepts every server. Being an extended trust manager it also replaces the JDK's host name
     * check, which JSSE performs inside the trust manager.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
