package io.dashplane.provider.plugin;

import io.dashplane.provider.protocol.ProviderProtocol;
import io.dashplane.provider.protocol.Tfplugin5ProviderService;
import io.dashplane.provider.protocol.Tfplugin6ProviderService;
import io.dashplane.provider.shim.ShimProtocol;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Serves a provider the way a go-plugin plugin does: magic cookie check, protocol choice, port range,
 * AutoMTLS, one handshake line on stdout, then tfplugin5/tfplugin6, plugin.GRPCController and the health
 * service on one gRPC server until the client calls Shutdown or kills the process.
 */
public final class PluginServer {
    public static final String SOURCE_ADDRESS = "registry.terraform.io/dashplane/dashplane";
    public static final int MAX_INBOUND_MESSAGE_BYTES = 256 * 1024 * 1024;
    static final String HOST = "127.0.0.1";

    private final Bound bound;
    private final Server server;
    private final int protocolVersion;
    private final String handshakeLine;

    private PluginServer(Bound bound, int protocolVersion, String handshakeLine) {
        this.bound = bound;
        this.server = bound.server();
        this.protocolVersion = protocolVersion;
        this.handshakeLine = handshakeLine;
    }

    /** A started gRPC server and, in a daemon session, the call executor it owns (released on {@link #stop()}). */
    private record Bound(Server server, java.util.concurrent.ExecutorService executor) {}

    /**
     * Process entry point: never returns. Exit status 1 when started without Terraform's magic cookie or when
     * the server cannot start, 0 after Shutdown.
     */
    public static void serve(String[] args, Supplier<ProviderProtocol> provider) {
        StartupTrace.mark("main");
        PrintStream stdout = System.out;
        System.setOut(System.err); // only the handshake line may reach stdout
        Map<String, String> env = System.getenv();
        // Start the slowest steps at once, on two more threads, while this one sets up logging and gRPC: the JDK
        // TLS initialisation, and the key pair with its certificate (then the server's TLS context).
        CompletableFuture<ServerTls> earlyTls = null;
        HandshakeSettings early = Arrays.asList(args).contains("--debug") ? null : settingsOrNull(env);
        if (early != null && early.cookieValid() && early.clientCertPem() != null) {
            startDaemon(PluginServer::initialiseNettyJdkTlsWithoutSystemTrustStore);
            earlyTls = prepareTlsInBackground(early.clientCertPem());
        }
        HcLog.install(System.err, env.get("TF_LOG_PROVIDER"), env.get("TF_LOG"));
        StartupTrace.mark("logging");
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            PluginServer running;
            if (debug) {
                running = startDebug(env, provider);
                stdout.println("Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS"
                        + " environment variable with the following:\n\n\tTF_REATTACH_PROVIDERS='"
                        + running.reattachJson(ProcessHandle.current().pid()) + "'\n");
                stdout.flush();
            } else {
                ignoreSigint();
                HandshakeSettings settings = HandshakeSettings.fromEnvironment(env);
                if (!settings.cookieValid()) {
                    System.err.println(ShimProtocol.NOT_FOR_DIRECT_USE);
                    System.err.flush();
                    System.exit(1);
                }
                running = start(settings, provider, earlyTls != null ? earlyTls : tlsFor(settings));
                stdout.println(running.handshakeLine());
                stdout.flush();
                StartupTrace.mark("handshake line");
            }
            HcLog.debug("plugin serving protocol " + running.protocolVersion() + " on " + running.address());
            running.awaitTermination();
            System.exit(0);
        } catch (IllegalArgumentException | IOException | IllegalStateException e) {
            System.err.println("terraform-provider-dashplane: " + e.getMessage());
            System.err.flush();
            System.exit(1);
        }
    }

    /** Starts serving with the given client settings; the caller prints {@link #handshakeLine()}. */
    public static PluginServer start(HandshakeSettings settings, Supplier<ProviderProtocol> provider)
            throws IOException {
        return start(settings, provider, tlsFor(settings));
    }

    /**
     * One plugin session inside a long-lived process (the provider daemon): a fresh key and certificate (made
     * ahead by {@code shared}, never used by another session) with TLS pinned to this client, its own gRPC server
     * on the shared event loops, and its own call executor whose threads come from {@code threads} (so that they
     * can carry the session's log sink). {@link #stop()} releases the server and the executor.
     */
    public static PluginServer startSession(HandshakeSettings settings, Supplier<ProviderProtocol> provider,
                                            java.util.concurrent.ThreadFactory threads, SessionResources shared)
            throws IOException {
        CompletableFuture<ServerTls> tls = settings.clientCertPem() == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.completedFuture(prepareTls(settings.clientCertPem(), shared.takeCertificate()));
        return start(settings, provider, tls, threads, shared);
    }

    private static PluginServer start(HandshakeSettings settings, Supplier<ProviderProtocol> provider,
                                      CompletableFuture<ServerTls> tls) throws IOException {
        return start(settings, provider, tls, null, null);
    }

    private static PluginServer start(HandshakeSettings settings, Supplier<ProviderProtocol> provider,
                                      CompletableFuture<ServerTls> tls, java.util.concurrent.ThreadFactory threads,
                                      SessionResources shared) throws IOException {
        Bound bound = bind(settings.minPort(), settings.maxPort(), tls, provider, threads, shared);
        StartupTrace.mark("server listening");
        int port = ((InetSocketAddress) bound.server().getListenSockets().get(0)).getPort();
        String certField = tls.join() == null ? "" : tls.join().certificateField();
        String line = "1|" + settings.protocolVersion() + "|tcp|" + HOST + ":" + port + "|grpc|" + certField;
        return new PluginServer(bound, settings.protocolVersion(), line);
    }

    /** Debug mode: plaintext protocol 6 for a client started with TF_REATTACH_PROVIDERS; no cookie needed. */
    public static PluginServer startDebug(Map<String, String> env, Supplier<ProviderProtocol> provider)
            throws IOException {
        HandshakeSettings settings = HandshakeSettings.fromEnvironment(env);
        Bound bound = bind(settings.minPort(), settings.maxPort(), CompletableFuture.completedFuture(null), provider,
                null, null);
        int port = ((InetSocketAddress) bound.server().getListenSockets().get(0)).getPort();
        return new PluginServer(bound, 6, "1|6|tcp|" + HOST + ":" + port + "|grpc|");
    }

    public String handshakeLine() {
        return handshakeLine;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public String address() {
        InetSocketAddress a = (InetSocketAddress) server.getListenSockets().get(0);
        return HOST + ":" + a.getPort();
    }

    public String reattachJson(long pid) {
        StringBuilder b = new StringBuilder("{");
        HcLog.appendJsonString(b, SOURCE_ADDRESS);
        b.append(":{\"Protocol\":\"grpc\",\"ProtocolVersion\":").append(protocolVersion)
                .append(",\"Pid\":").append(pid)
                .append(",\"Test\":true,\"Addr\":{\"Network\":\"tcp\",\"String\":");
        HcLog.appendJsonString(b, address());
        return b.append("}}}").toString();
    }

    public void awaitTermination() {
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting calls, lets running calls finish for up to a second, then cuts them off. */
    public void stop() {
        server.shutdown();
        try {
            if (!server.awaitTermination(1, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            if (bound.executor() != null) { // a daemon session's own; a plugin process just exits
                bound.executor().shutdown();
            }
        }
    }

    /** True once the server stopped (Shutdown, or {@link #stop()}). */
    public boolean isTerminated() {
        return server.isTerminated();
    }

    private record ServerTls(SslContext context, String certificateField) {}

    private static HandshakeSettings settingsOrNull(Map<String, String> env) {
        try {
            return HandshakeSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return null; // reported when the settings are read again below
        }
    }

    /**
     * Key generation and the JDK TLS set-up are the slowest start-up steps: they run on another thread while the
     * caller loads and initialises gRPC, Netty and the protocol descriptors.
     */
    private static CompletableFuture<ServerTls> tlsFor(HandshakeSettings settings) {
        return settings.clientCertPem() == null
                ? CompletableFuture.completedFuture(null) : prepareTlsInBackground(settings.clientCertPem());
    }

    private static CompletableFuture<ServerTls> prepareTlsInBackground(String clientCertPem) {
        return CompletableFuture.supplyAsync(() -> prepareTls(clientCertPem), PluginServer::startDaemon);
    }

    private static ServerTls prepareTls(String clientCertPem) {
        X509Certificate clientCert = parsePem(clientCertPem);
        SelfSignedCertificate serverCert = SelfSignedCertificate.generate(SelfSignedCertificate.SERVER_CURVE);
        StartupTrace.mark("server certificate");
        return prepareTls(clientCert, serverCert);
    }

    private static ServerTls prepareTls(String clientCertPem, SelfSignedCertificate serverCert) {
        return prepareTls(parsePem(clientCertPem), serverCert);
    }

    private static ServerTls prepareTls(X509Certificate clientCert, SelfSignedCertificate serverCert) {
        ServerTls tls = new ServerTls(serverTls(serverCert, clientCert), serverCert.derBase64NoPadding());
        StartupTrace.mark("tls context");
        return tls;
    }

    private static void startDaemon(Runnable task) {
        Thread t = new Thread(task, "plugin-start-up");
        t.setDaemon(true);
        t.start();
    }

    private static Bound bind(int minPort, int maxPort, CompletableFuture<ServerTls> tlsSetup,
                              Supplier<ProviderProtocol> provider, java.util.concurrent.ThreadFactory threads,
                              SessionResources shared) throws IOException {
        Supplier<ProviderProtocol> lazyProvider = new Memoized<>(provider);
        int span = maxPort - minPort + 1;
        int offset = ThreadLocalRandom.current().nextInt(span); // spread parallel plugin processes over the range
        IOException last = null;
        for (int i = 0; i < span; i++) {
            int port = minPort + (offset + i) % span;
            PluginServer[] self = new PluginServer[1];
            Bound bound = build(port, tlsSetup, lazyProvider, () -> {
                Thread stopper = new Thread(() -> self[0].stop(), "plugin-shutdown");
                stopper.start();
            }, threads, shared);
            try {
                bound.server().start();
                self[0] = new PluginServer(bound, 0, null);
                return bound;
            } catch (IOException e) {
                if (bound.executor() != null) {
                    bound.executor().shutdown();
                }
                if (!(e.getCause() instanceof BindException) && !(e instanceof BindException)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IOException("no free port between " + minPort + " and " + maxPort, last);
    }

    private static Bound build(int port, CompletableFuture<ServerTls> tlsSetup, Supplier<ProviderProtocol> provider,
                               Runnable shutdown, java.util.concurrent.ThreadFactory threads,
                               SessionResources shared) {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("plugin", ServingStatus.SERVING);
        NioEventLoopGroup boss = shared == null ? new NioEventLoopGroup(1) : shared.boss();
        NioEventLoopGroup workers = shared == null ? new NioEventLoopGroup(0) : shared.workers();
        java.util.concurrent.ExecutorService executor =
                threads == null ? null : java.util.concurrent.Executors.newCachedThreadPool(threads);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(HOST, port))
                // NIO instead of the native epoll transport: loading the native library costs start-up time.
                .channelType(NioServerSocketChannel.class)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(workers)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .keepAliveTime(Long.MAX_VALUE, TimeUnit.NANOSECONDS) // i.e. no server keepalive pings
                .permitKeepAliveWithoutCalls(true)
                .permitKeepAliveTime(1, TimeUnit.SECONDS)
                .addService(new Tfplugin6ProviderService(provider))
                .addService(new Tfplugin5ProviderService(provider))
                .addService(new GrpcControllerService(shutdown))
                .addService(health.getHealthService());
        if (executor != null) {
            builder.executor(executor);
        }
        StartupTrace.mark("services ready");
        ServerTls tls = awaitTls(tlsSetup);
        if (tls != null) {
            builder.sslContext(tls.context());
        }
        return new Bound(builder.build(), executor);
    }

    /**
     * TLS 1.2+, ALPN h2 only, client certificate required and trusted only if it is exactly the client's PEM.
     * The JDK SSLContext is built here and wrapped as Netty's JdkSslContext directly: Netty's own server-context
     * path (SslContextBuilder, GrpcSslContexts) runs start-up probes that cost more than everything else in
     * TLS set-up together: one initialises a default SSLContext (parsing the whole cacerts store), another builds
     * a PKCS12 key store with a password-encrypted RSA key and instantiates BouncyCastle's JCA provider.
     */
    private static SslContext serverTls(SelfSignedCertificate serverCert, X509Certificate clientCert) {
        initialiseNettyJdkTlsWithoutSystemTrustStore();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new PinnedTlsManagers.SingleKeyManager(
                            serverCert.keyPair().getPrivate(), serverCert.certificate())},
                    new TrustManager[] {new PinnedTlsManagers.ExactCertificateTrustManager(clientCert)}, null);
            return new JdkSslContext(context, false, Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE,
                    new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "h2"),
                    ClientAuth.REQUIRE, new String[] {"TLSv1.3", "TLSv1.2"}, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Netty's JdkSslContext and JdkAlpnSslUtils probe a default SSLContext in their static initialisers, which parses the JDK's whole
     * cacerts store (a large share of start-up time) only to be discarded: we trust exactly one certificate.
     * Let that probe see an empty trust store, then restore the property, so later default TLS contexts (the
     * provider's HTTPS client) load the system trust store as usual. Skipped if the user set the property.
     */
    private static synchronized void initialiseNettyJdkTlsWithoutSystemTrustStore() {
        if (System.getProperty("javax.net.ssl.trustStore") != null || nettyTlsInitialised) {
            return;
        }
        nettyTlsInitialised = true;
        System.setProperty("javax.net.ssl.trustStore", "NONE");
        try {
            // both probe with SSLContext.init(null, null, null), i.e. with the default trust store
            for (String probing : new String[] {"io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext",
                    "io.grpc.netty.shaded.io.netty.handler.ssl.JdkAlpnSslUtils"}) {
                Class.forName(probing, true, PluginServer.class.getClassLoader());
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            System.clearProperty("javax.net.ssl.trustStore");
        }
    }

    private static boolean nettyTlsInitialised;

    private static ServerTls awaitTls(CompletableFuture<ServerTls> tlsSetup) {
        try {
            return tlsSetup.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static X509Certificate parsePem(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("PLUGIN_CLIENT_CERT is not a PEM certificate: " + e.getMessage());
        }
    }

    private static void ignoreSigint() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            HcLog.warn("cannot ignore SIGINT: " + e.getMessage());
        }
    }
}
