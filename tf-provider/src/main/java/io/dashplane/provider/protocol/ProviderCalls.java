package io.dashplane.provider.protocol;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one provider call for a gRPC adapter. Whatever the provider throws becomes an error diagnostic in an
 * otherwise empty response: the client shows gRPC errors only as an opaque "plugin error".
 */
final class ProviderCalls {
    private static final Logger LOG = Logger.getLogger("dashplane.provider");

    private ProviderCalls() {}

    static <T> T guarded(String rpc, Supplier<T> call, Function<List<Diagnostic>, T> failure) {
        try {
            T result = call.get();
            if (result == null) {
                throw new IllegalStateException("provider returned no response");
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
                throw vme;
            }
            LOG.log(Level.SEVERE, rpc + " failed", e);
            return failure.apply(List.of(internalError(rpc, e)));
        }
    }

    static Diagnostic internalError(String rpc, Throwable e) {
        // Only the exception type and message: values from the configuration never reach the detail.
        return Diagnostic.error("Internal error in the Dashplane provider",
                rpc + " failed with " + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + ". This is a bug in the provider; the provider log (TF_LOG=debug) has the stack trace.");
    }
}
