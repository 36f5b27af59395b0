package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.ServerConfig;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security headers, CORS (off by default), public metrics by configuration, the TLS listener. */
class HardeningTest extends ServerTestSupport {

    @Test
    void securityHeadersOnAnswersAndErrors() {
        for (Api.Reply r : List.of(api.get(ENV + "/dashboards"), api.as(null).get(ENV + "/dashboards"),
                api.get("/api/v1/environments/nope"))) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.toString());
            assertEquals("DENY", r.header("X-Frame-Options"));
            assertEquals("no-referrer", r.header("Referrer-Policy"));
            assertEquals("no-store", r.header("Cache-Control"));
            assertNull(r.header("Strict-Transport-Security"), "no HSTS without TLS");
        }
    }

    @Test
    void theOpenApiDocumentDeclaresBearerAuthentication() {
        Api.Reply doc = api.get("/openapi.json");
        assertEquals(200, doc.status());
        assertEquals("bearer", doc.json().at("/components/securitySchemes/bearer/scheme").asText(), doc.body().substring(0, 300));
        assertTrue(doc.body().contains("/api/v1/service-accounts/{id}/tokens"));
    }

    @Test
    void corsIsOffByDefault() {
        Api.Reply r = api.send(HttpRequest.newBuilder(api.uri(ENV + "/dashboards")).header("Origin", "https://evil.example"));
        assertEquals(200, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
        Api.Reply preflight = api.as(null).send(HttpRequest.newBuilder(api.uri(ENV + "/dashboards"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertNull(preflight.header("Access-Control-Allow-Origin"), preflight.toString());
    }

    @Test
    void corsAllowlistAndPublicMetrics(@TempDir Path otherDir) {
        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir);
        config = config.withSecurity(config.security().withCorsOrigins(List.of("https://ui.example"))
                .withMetricsPublic(true));
        try (RunningServer s = DashplaneServer.start(config)) {
            Api anonymous = new Api(s.baseUri(), null);
            assertEquals(200, anonymous.get("/metrics").status());
            Api.Reply preflight = anonymous.send(HttpRequest.newBuilder(anonymous.uri(ENV + "/dashboards"))
                    .header("Origin", "https://ui.example").header("Access-Control-Request-Method", "PUT")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, preflight.status(), preflight.toString());
            assertEquals("https://ui.example", preflight.header("Access-Control-Allow-Origin"));
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
            Api.Reply other = anonymous.send(HttpRequest.newBuilder(anonymous.uri(ENV + "/dashboards"))
                    .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertNull(other.header("Access-Control-Allow-Origin"));
            Api.Reply get = new Api(s.baseUri()).send(HttpRequest.newBuilder(anonymous.uri(ENV + "/dashboards"))
                    .header("Origin", "https://ui.example"));
            assertEquals(200, get.status());
            assertEquals("https://ui.example", get.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void tlsListenerFromPemFiles(@TempDir Path otherDir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        Path certFile = otherDir.resolve("server.crt");
        Path keyFile = otherDir.resolve("server.key");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));

        ServerConfig config = io.dashplane.server.testdb.TestBackend.ephemeral(otherDir.resolve("data"));
        config = config.withSecurity(config.security().withTls(certFile, keyFile));
        try (RunningServer s = DashplaneServer.start(config)) {
            assertEquals("https", s.baseUri().getScheme());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(s.baseUri().resolve("api/v1/whoami"))
                    .header("Authorization", "Bearer " + ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
