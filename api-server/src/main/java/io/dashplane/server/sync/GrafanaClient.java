package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Talks JSON to one target's Grafana HTTP API: Bearer token, {@code X-Grafana-Org-Id}, the target's TLS options,
 * and {@code X-Disable-Provenance} on writes when the target is editable. The token is only ever put in the header.
 */
final class GrafanaClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A failed call: {@code status} 0 when the target could not be reached. */
    static final class GrafanaException extends Exception {
        private final int status;

        GrafanaException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }

        boolean unreachable() {
            return status == 0;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String token;
    private final long orgId;
    private final boolean editable;
    private final ObjectMapper mapper;

    GrafanaClient(SyncTarget target, String token, ObjectMapper mapper) {
        this.base = target.base();
        this.token = token;
        this.orgId = target.orgId();
        this.editable = target.editable();
        this.mapper = mapper;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (target.url().regionMatches(true, 0, "https:", 0, 6)) {
            b.sslContext(sslContext(target.tls()));
        }
        this.http = b.build();
    }

    /** GET; empty on 404. */
    Optional<JsonNode> get(String path) throws GrafanaException {
        HttpResponse<String> r = call(request(path).GET(), path);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(check(r, "GET", path));
    }

    JsonNode send(String method, String path, JsonNode body) throws GrafanaException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        if (editable) {
            b.header("X-Disable-Provenance", "true");
        }
        String text = body == null ? "" : body.toString();
        b.method(method, text.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        return check(call(b, path), method, path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("X-Grafana-Org-Id", Long.toString(orgId));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<String> call(HttpRequest.Builder request, String path) throws GrafanaException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException e) {
            throw new GrafanaException(0, "TLS handshake with " + base + " failed: " + describe(e)
                    + " (give the target's CA as tls.caCertificate)");
        } catch (IOException e) {
            throw new GrafanaException(0, "cannot reach " + base + path + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrafanaException(0, "interrupted");
        }
    }

    private JsonNode check(HttpResponse<String> r, String method, String path) throws GrafanaException {
        JsonNode body;
        try {
            body = r.body() == null || r.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(r.body());
        } catch (IOException e) {
            body = mapper.createObjectNode().put("message", abbreviate(r.body()));
        }
        if (r.statusCode() / 100 != 2) {
            String message = body.path("message").asText(body.path("detail").asText(body.path("title").asText("")));
            throw new GrafanaException(r.statusCode(), method + " " + path + " answered " + r.statusCode()
                    + (message.isEmpty() ? "" : ": " + abbreviate(message)));
        }
        return body;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static SSLContext sslContext(TlsOptions tls) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (tls.skipVerify()) {
                context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            } else if (tls.caCertificate() != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (var cert : TlsOptions.certificates(tls.caCertificate())) {
                    store.setCertificateEntry("ca-" + i++, cert);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                context.init(null, tmf.getTrustManagers(), new SecureRandom());
            } else {
                return SSLContext.getDefault();
            }
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for the target: " + e.getMessage(), e);
        }
    }

    /**
     * insecureSkipVerify: the operator chose to accept any certificate for any host name. Extended, because the JDK
     * wraps a plain X509TrustManager in one that still checks the host name.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

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
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
