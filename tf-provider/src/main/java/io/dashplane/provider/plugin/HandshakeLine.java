package io.dashplane.provider.plugin;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The go-plugin handshake line {@code CORE|PROTOCOL|NETWORK|ADDRESS|grpc|CERT}, parsed strictly: this is what
 * a client (our test harness, the CDS training run) reads from the plugin's stdout.
 *
 * @param serverCertificate null when the plugin serves plaintext (empty last field)
 */
public record HandshakeLine(int protocolVersion, String host, int port, X509Certificate serverCertificate) {
    private static final Pattern FORMAT = Pattern.compile(
            "1\\|([56])\\|tcp\\|127\\.0\\.0\\.1:([0-9]{1,5})\\|grpc\\|([A-Za-z0-9+/]*)");

    public static HandshakeLine parse(String line) {
        var m = FORMAT.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a go-plugin handshake line for tcp/grpc: " + line);
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in handshake line: " + line);
        }
        X509Certificate cert = null;
        if (!m.group(3).isEmpty()) {
            byte[] der = Base64.getDecoder().decode(m.group(3)); // accepts unpadded input; '=' was excluded above
            try {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("handshake line certificate is not DER X.509", e);
            }
        }
        return new HandshakeLine(Integer.parseInt(m.group(1)), "127.0.0.1", port, cert);
    }
}
