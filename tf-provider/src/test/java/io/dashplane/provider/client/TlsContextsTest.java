package io.dashplane.provider.client;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS contexts from PEM material, checked by real handshakes with a local HTTPS server. */
class TlsContextsTest {
    private static TestPki.Issued serverCa;
    private static TestPki.Issued clientCa;
    private static TestPki.Issued server;
    private static TestPki.Issued clientEc;
    private static TestPki.Issued clientRsa;

    @TempDir
    Path dir;
    private final List<HttpsServer> servers = new ArrayList<>();

    @BeforeAll
    static void pki() throws Exception {
        serverCa = TestPki.ca("server-ca");
        clientCa = TestPki.ca("client-ca");
        server = TestPki.leaf(serverCa, "localhost", "EC");
        clientEc = TestPki.leaf(clientCa, "client-ec", "EC");
        clientRsa = TestPki.leaf(clientCa, "client-rsa", "RSA");
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void trustsTheCaFromAFileAndPresentsAPkcs8ClientCertificate() throws Exception {
        int port = startServer(server, true);
        Path caFile = write("ca.pem", serverCa.certificatePem());
        TlsOptions tls = new TlsOptions(caFile.toString(), clientEc.certificatePem(), clientEc.pkcs8KeyPem(), false);
        assertDoesNotThrow(() -> client(port, tls).checkReady());
    }

    @Test
    void acceptsTraditionalRsaAndEcKeysFromFiles() throws Exception {
        int port = startServer(server, true);
        for (TestPki.Issued client : List.of(clientRsa, clientEc)) {
            Path cert = write("client.pem", client.certificatePem());
            Path key = write("client-key.pem", client.traditionalKeyPem());
            assertTrue(Files.readString(key).contains(client == clientRsa ? "BEGIN RSA PRIVATE KEY" : "BEGIN EC PRIVATE KEY"));
            TlsOptions tls = new TlsOptions(serverCa.certificatePem(), cert.toString(), key.toString(), false);
            assertDoesNotThrow(() -> client(port, tls).checkReady());
        }
    }

    @Test
    void aServerRequiringClientCertificatesRejectsAClientWithout() throws Exception {
        int port = startServer(server, true);
        TlsOptions tls = new TlsOptions(serverCa.certificatePem(), null, null, false);
        assertThrows(DashplaneUnreachableException.class, () -> client(port, tls).checkReady());
    }

    @Test
    void anUntrustedServerIsRejected() throws Exception {
        int port = startServer(server, false);
        TlsOptions tls = new TlsOptions(clientCa.certificatePem(), null, null, false);
        DashplaneUnreachableException error = assertThrows(DashplaneUnreachableException.class,
                () -> client(port, tls).checkReady());
        assertTrue(error.getMessage().contains("TLS"), error.getMessage());
    }

    @Test
    void insecureSkipVerifyAcceptsAnyCertificateAndHostName() throws Exception {
        TestPki.Issued unknownCa = TestPki.ca("unknown-ca");
        TestPki.Issued wrongName = TestPki.leaf(unknownCa, "elsewhere.example", "EC", false);
        int port = startServer(wrongName, false);
        assertDoesNotThrow(() -> client(port, new TlsOptions(null, null, null, true)).checkReady());
        // without the option the same server fails: trusted issuer, but the name does not match 127.0.0.1
        DashplaneUnreachableException error = assertThrows(DashplaneUnreachableException.class,
                () -> client(port, new TlsOptions(unknownCa.certificatePem(), null, null, false)).checkReady());
        assertTrue(error.getMessage().contains("TLS"), error.getMessage());
    }

    @Test
    void unreadablePemIsAClearError() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.create(new TlsOptions(dir.resolve("nope.pem").toString(), null, null, false)));
        assertTrue(missing.getMessage().startsWith("CA certificate: cannot read the PEM file"), missing.getMessage());
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.create(new TlsOptions("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
                        null, null, false)));
        assertTrue(garbage.getMessage().startsWith("CA certificate:"), garbage.getMessage());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.create(new TlsOptions(null, clientEc.certificatePem(), clientEc.certificatePem(), false)));
        assertTrue(noKey.getMessage().contains("no PRIVATE KEY block"), noKey.getMessage());
        IllegalArgumentException noCert = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.create(new TlsOptions(clientEc.pkcs8KeyPem(), null, null, false)));
        assertTrue(noCert.getMessage().contains("no CERTIFICATE block"), noCert.getMessage());
    }

    private DashplaneClient client(int port, TlsOptions tls) {
        return new DashplaneClient(new ClientConfig(java.net.URI.create("https://127.0.0.1:" + port), null, null, tls, 0,
                Duration.ofSeconds(10)));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private int startServer(TestPki.Issued certificate, boolean needClientAuth) throws Exception {
        SSLContext context = TestPki.serverContext(certificate, serverCa, clientCa);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(parameters);
            }
        });
        https.createContext("/readyz", exchange -> {
            byte[] body = "{\"status\":\"ready\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        servers.add(https);
        return https.getAddress().getPort();
    }
}
