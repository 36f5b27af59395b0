package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target's {@code editable} and {@code tls} options, end to end: each target Grafana is another Dashplane server
 * on loopback reached through its Grafana-compatible API (over https with a certificate made here for the TLS ones).
 */
class SyncTargetOptionsTest extends AlertingTestSupport {
    static final String TARGETS = SyncTargetTest.TARGETS;

    @TempDir
    Path tempDir;
    final List<RunningServer> targets = new ArrayList<>();

    @AfterEach
    void stopTargets() {
        targets.forEach(RunningServer::close);
    }

    /** A target Grafana: its server, an admin client for its API, and a sync token that is Admin there. */
    record Target(RunningServer server, Api api, String token) {
        String url() {
            return server.baseUri() + "grafana/default";
        }

        Api.Reply get(String grafanaPath) {
            return api.get("/grafana/default" + grafanaPath);
        }
    }

    Target startTarget(String name) {
        RunningServer server = DashplaneServer.start(ServerConfig.ephemeral(tempDir.resolve(name)));
        targets.add(server);
        Api admin = new Api(server.baseUri());
        return new Target(server, admin, Accounts.create(admin, "dashplane-sync", Map.of("default", "Admin")).token());
    }

    void addTarget(String name, Target target, String extra) {
        expect(201, api.post(TARGETS, "{\"name\":\"" + name + "\",\"url\":\"" + target.url() + "\",\"token\":\""
                + target.token() + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}"));
    }

    JsonNode awaitStatus(String name, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = expect(200, api.get(TARGETS + "/" + name + "/status")).json();
            if (done.test(status)) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("status of " + name + " did not get there in time: " + status);
    }

    long latestSequence() {
        return expect(200, api.get(ENV + "/changes?since=0")).json().path("sequence").asLong();
    }

    JsonNode awaitSynced(String name) {
        long sequence = latestSequence();
        JsonNode status = awaitStatus(name, s -> SyncTargetTest.ok(s, sequence));
        assertTrue(status.path("lastError").isNull(), status.toString());
        return status;
    }

    void seedAlertingAndABoard() {
        seed(ENV);
        expect(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"drift\",\"title\":\"Model drift\","
                + "\"panels\":[]},\"folderUid\":\"ml\"}"));
        expect(201, api.post(RULES, rule("drift-high", "Drift high", "health", "")));
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        expect(201, api.put(TEMPLATES + "/ml", "{\"template\":\"{{ define \\\"ml.title\\\" }}ML{{ end }}\"}"));
        expect(201, api.put(POLICY, "{\"receiver\":\"ml-slack\",\"group_by\":[\"alertname\"]}"));
    }

    /** The provenance of every alerting object the target shows, by kind. */
    static Map<String, String> provenances(Target t) {
        return Map.of(
                "rule", expect(200, t.get("/api/v1/provisioning/alert-rules/drift-high")).json().path("provenance")
                        .asText("missing"),
                "contact point", expect(200, t.get("/api/v1/provisioning/contact-points?name=ml-slack")).json().get(0)
                        .path("provenance").asText("missing"),
                "mute timing", expect(200, t.get("/api/v1/provisioning/mute-timings/weekly-maintenance")).json()
                        .path("provenance").asText("missing"),
                "template", expect(200, t.get("/api/v1/provisioning/templates/ml")).json().path("provenance")
                        .asText("missing"),
                "policy", expect(200, t.get("/api/v1/provisioning/policies")).json().path("provenance")
                        .asText("missing"));
    }

    @Test
    void anEditableTargetGetsObjectsWithoutProvenanceAndAProvisionedOneWithIt() {
        seedAlertingAndABoard();
        Target editable = startTarget("editable");
        Target provisioned = startTarget("provisioned");
        addTarget("grafana-editable", editable, "\"editable\":true");
        addTarget("grafana-provisioned", provisioned, "");
        awaitSynced("grafana-editable");
        awaitSynced("grafana-provisioned");

        assertEquals(Map.of("rule", "", "contact point", "", "mute timing", "", "template", "", "policy", ""),
                provenances(editable));
        assertEquals(Map.of("rule", "api", "contact point", "api", "mute timing", "api", "template", "api",
                "policy", "api"), provenances(provisioned));
        // Grafana keeps no provenance for dashboards written through its HTTP API: both targets can edit them.
        for (Target t : List.of(editable, provisioned)) {
            JsonNode meta = expect(200, t.get("/api/dashboards/uid/drift")).json().path("meta");
            assertFalse(meta.path("provisioned").asBoolean(), meta.toString());
            assertTrue(meta.path("canSave").asBoolean(), meta.toString());
        }
    }

    /** A self-signed certificate for {@code san} (an IP address or a DNS name) and its key, as PEM files. */
    record SelfSigned(X509Certificate certificate, Path certFile, Path keyFile) {
        String pem() throws Exception {
            return Files.readString(certFile);
        }

        /**
         * This test's own client to the target: trusts exactly this certificate, whatever host name it names (the
         * reconciler's checks are what the tests are about, not this client's).
         */
        SSLContext pinnedToIt() throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("target", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            X509TrustManager pkix = (X509TrustManager) tmf.getTrustManagers()[0];
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    pkix.checkServerTrusted(chain, authType);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                        throws CertificateException {
                    pkix.checkServerTrusted(chain, authType);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                        throws CertificateException {
                    pkix.checkServerTrusted(chain, authType);
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("no client certificates here");
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                        throws CertificateException {
                    throw new CertificateException("no client certificates here");
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                        throws CertificateException {
                    throw new CertificateException("no client certificates here");
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return pkix.getAcceptedIssuers();
                }
            }}, null);
            return ssl;
        }
    }

    SelfSigned selfSigned(String name, GeneralName san) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        Path certFile = tempDir.resolve(name + ".crt");
        Path keyFile = tempDir.resolve(name + ".key");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        return new SelfSigned(cert, certFile, keyFile);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    Target startHttpsTarget(String name, SelfSigned certificate) throws Exception {
        ServerConfig config = ServerConfig.ephemeral(tempDir.resolve(name));
        config = config.withSecurity(config.security().withTls(certificate.certFile(), certificate.keyFile()));
        RunningServer server = DashplaneServer.start(config);
        targets.add(server);
        assertEquals("https", server.baseUri().getScheme());
        Api admin = Api.trusting(server.baseUri(), certificate.pinnedToIt());
        return new Target(server, admin, Accounts.create(admin, "dashplane-sync", Map.of("default", "Admin")).token());
    }

    static String json(String text) {
        return Api.toJson(text);
    }

    @Test
    void anHttpsTargetIsSyncedWhenItsCaCertificateIsGivenAndRefusedWithAClearErrorWithoutIt() throws Exception {
        seedAlertingAndABoard();
        SelfSigned certificate = selfSigned("target-ca", new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        Target https = startHttpsTarget("https", certificate);

        addTarget("grafana-tls", https, "");
        JsonNode refused = awaitStatus("grafana-tls", s -> s.path("state").asText().equals("error"));
        String error = refused.path("lastError").asText();
        assertTrue(error.contains("TLS handshake with " + https.url() + " failed"), refused.toString());
        assertTrue(error.contains("tls.caCertificate"), refused.toString());
        assertEquals(0, refused.path("syncedSequence").asLong(), refused.toString());
        assertEquals(404, https.get("/api/dashboards/uid/drift").status());
        assertEquals(404, https.get("/api/folders/ml").status());
        assertEquals(404, https.get("/api/v1/provisioning/alert-rules/drift-high").status());

        expect(200, api.put(TARGETS + "/grafana-tls", "{\"name\":\"grafana-tls\",\"url\":\"" + https.url()
                + "\",\"tls\":{\"caCertificate\":" + json(certificate.pem()) + "}}"));
        awaitSynced("grafana-tls");
        assertEquals("Model drift", expect(200, https.get("/api/dashboards/uid/drift")).json().path("dashboard")
                .path("title").asText());
        assertEquals("drift-high", expect(200, https.get("/api/v1/provisioning/alert-rules/drift-high")).json()
                .path("uid").asText());
    }

    @Test
    void insecureSkipVerifySyncsASelfSignedTargetWhoseCertificateNamesAnotherHost() throws Exception {
        seedAlertingAndABoard();
        // Valid for grafana.internal only, while the target is reached as 127.0.0.1.
        SelfSigned certificate = selfSigned("grafana.internal", new GeneralName(GeneralName.dNSName, "grafana.internal"));
        Target https = startHttpsTarget("https", certificate);

        addTarget("grafana-tls", https, "\"tls\":{\"caCertificate\":" + json(certificate.pem()) + "}");
        JsonNode refused = awaitStatus("grafana-tls", s -> s.path("state").asText().equals("error"));
        assertTrue(refused.path("lastError").asText().contains("TLS handshake"), refused.toString());
        assertEquals(404, https.get("/api/dashboards/uid/drift").status());

        expect(200, api.put(TARGETS + "/grafana-tls", "{\"name\":\"grafana-tls\",\"url\":\"" + https.url()
                + "\",\"tls\":{\"insecureSkipVerify\":true}}"));
        awaitSynced("grafana-tls");
        assertEquals("Model drift", expect(200, https.get("/api/dashboards/uid/drift")).json().path("dashboard")
                .path("title").asText());
    }
}
