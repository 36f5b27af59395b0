package io.dashplane.provider.daemon;

import java.io.PrintStream;

/**
 * With DASHPLANE_STARTUP_TRACE in the session's environment: microseconds since the daemon accepted the shim's
 * request at each step of the session's set-up, on the session's stderr (see docs/performance.md).
 */
final class SessionTrace {
    private final boolean on;
    private final long start;
    private final PrintStream out;

    SessionTrace(boolean on, long start, PrintStream out) {
        this.on = on;
        this.start = start;
        this.out = out;
    }

    void mark(String step) {
        if (on) {
            out.println("daemon session " + (System.nanoTime() - start) / 1000 + " us: " + step);
            out.flush();
        }
    }
}
