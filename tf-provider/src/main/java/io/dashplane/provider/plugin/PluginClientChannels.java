package io.dashplane.provider.plugin;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * Client side of the go-plugin connection, as Terraform makes it: mTLS with the client certificate, trusting
 * only the certificate from the handshake line, server name localhost, ALPN h2.
 */
public final class PluginClientChannels {
    private PluginClientChannels() {}

    public static ManagedChannel connect(HandshakeLine line, SelfSignedCertificate clientCert) {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(line.host(), line.port())
                .overrideAuthority("localhost")
                .maxInboundMessageSize(PluginServer.MAX_INBOUND_MESSAGE_BYTES);
        if (line.serverCertificate() == null) {
            return builder.usePlaintext().build();
        }
        return builder.sslContext(clientTls(line, clientCert)).build();
    }

    public static SslContext clientTls(HandshakeLine line, SelfSignedCertificate clientCert) {
        try {
            var tls = GrpcSslContexts.configure(
                            io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forClient(), SslProvider.JDK)
                    .trustManager(line.serverCertificate())
                    .protocols("TLSv1.3", "TLSv1.2");
            if (clientCert != null) {
                tls.keyManager(clientCert.keyPair().getPrivate(), clientCert.certificate());
            }
            return tls.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up client TLS", e);
        }
    }
}
