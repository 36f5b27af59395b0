package io.dashplane.provider.plugin;

import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * What a long-lived process (the provider daemon) shares between its plugin sessions so that a session's set-up
 * costs a few milliseconds: one pair of Netty event loop groups that every session's gRPC server uses (an event
 * loop serves any number of connections; a session's server never shuts them down), and the next session's server
 * key pair and certificate, made in the background while no session waits. Each certificate is handed out once.
 */
public final class SessionResources {
    private final NioEventLoopGroup boss;
    private final NioEventLoopGroup workers;
    private final ExecutorService certificateMaker;
    private CompletableFuture<SelfSignedCertificate> next;

    public SessionResources(ThreadFactory threads) {
        this.boss = new NioEventLoopGroup(1, threads);
        this.workers = new NioEventLoopGroup(0, threads);
        this.certificateMaker = Executors.newSingleThreadExecutor(threads);
        this.next = makeNext();
    }

    NioEventLoopGroup boss() {
        return boss;
    }

    NioEventLoopGroup workers() {
        return workers;
    }

    /** A fresh server certificate, never handed out before; the following one is started at once. */
    synchronized SelfSignedCertificate takeCertificate() {
        CompletableFuture<SelfSignedCertificate> taken = next;
        next = makeNext();
        try {
            return taken.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the session's certificate", e);
        } catch (ExecutionException e) {
            // e.g. a failure of the JDK's EC implementation: the next session tries again with its own
            throw new IllegalStateException("cannot make the session's certificate: " + e.getCause(), e.getCause());
        }
    }

    private CompletableFuture<SelfSignedCertificate> makeNext() {
        return CompletableFuture.supplyAsync(
                () -> SelfSignedCertificate.generate(SelfSignedCertificate.SERVER_CURVE), certificateMaker);
    }

    public void close() {
        certificateMaker.shutdownNow();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
