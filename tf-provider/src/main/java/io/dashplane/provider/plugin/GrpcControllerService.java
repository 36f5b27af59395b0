package io.dashplane.provider.plugin;

import io.dashplane.provider.goplugin.Empty;
import io.dashplane.provider.goplugin.GRPCControllerGrpc;
import io.grpc.stub.StreamObserver;

/** go-plugin's plugin.GRPCController: Shutdown answers, then the process stops (the client SIGKILLs after 2 s). */
final class GrpcControllerService extends GRPCControllerGrpc.GRPCControllerImplBase {
    private final Runnable shutdown;

    GrpcControllerService(Runnable shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public void shutdown(Empty request, StreamObserver<Empty> out) {
        out.onNext(Empty.getDefaultInstance());
        out.onCompleted();
        shutdown.run();
    }
}
