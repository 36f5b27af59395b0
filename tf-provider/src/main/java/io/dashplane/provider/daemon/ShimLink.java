package io.dashplane.provider.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The daemon's end of one shim's connection, whichever shim it is (the Java shim on the Unix socket, the bash fast
 * path on loopback TCP): where a session's handshake line, log and exit status go.
 */
interface ShimLink {
    void handshakeLine(String line) throws IOException;

    /** The session's stderr; what is written after the shim is gone is dropped. */
    OutputStream stderr();

    /** The last thing the shim hears; it exits with this status. */
    void exit(int status);

    /** Blocks until the shim closes the connection: it exited, or Terraform killed it. */
    void awaitShimGone();

    /** Reads until end of stream: the shim sends nothing after its request, so the end means it is gone. */
    static void readToEnd(InputStream in) {
        try {
            while (in.read() >= 0) {
                // nothing is expected
            }
        } catch (IOException e) {
            // closed: the same as end of stream
        }
    }
}
