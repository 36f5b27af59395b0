package io.dashplane.provider.shim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the shim and the provider daemon say over the daemon's Unix domain socket. The shim opens with a request
 * kind; for a session it then sends its arguments, working directory, whole environment and its launcher's
 * install directory and java binary (which the daemon's bash fast path is keyed by), and the daemon answers
 * with frames: the handshake line for stdout, log bytes for stderr, and last the exit status.
 * Only the JDK here: this package is the shim's whole class path.
 */
public final class ShimProtocol {
    public static final String MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
    public static final String MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    public static final String NOT_FOR_DIRECT_USE = "This binary is a plugin for Terraform and OpenTofu. It is not meant"
            + " to be executed directly; Terraform starts it when a configuration uses the dashplane provider.";

    /** Request kinds, the first int the shim sends. */
    public static final int SESSION = 1;
    public static final int STATUS = 2;
    public static final int STOP = 3;

    /** Frame kinds the daemon sends during a session. */
    public static final byte STDOUT_LINE = 'O';
    public static final byte STDERR_BYTES = 'E';
    public static final byte EXIT = 'X';

    private ShimProtocol() {}

    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 * 1024 * 1024) {
            throw new IOException("malformed message: string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
