package io.dashplane.provider.daemon;

import io.dashplane.provider.shim.ChannelStreams;
import io.dashplane.provider.shim.ShimProtocol;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Java shim's connection on the daemon's Unix socket: binary frames (ShimProtocol). */
final class UnixShimLink implements ShimLink {
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    UnixShimLink(SocketChannel channel, DataInputStream in) {
        this.channel = channel;
        this.in = in;
        this.out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
    }

    /** The rest of a SESSION request, after its kind. */
    SessionRequest readRequest() throws IOException {
        int argCount = in.readInt();
        List<String> args = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++) {
            args.add(ShimProtocol.readString(in));
        }
        Path workingDirectory = Path.of(ShimProtocol.readString(in));
        int envCount = in.readInt();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < envCount; i++) {
            env.put(ShimProtocol.readString(in), ShimProtocol.readString(in));
        }
        return new SessionRequest(args, workingDirectory, env);
    }

    /** The launcher's install directory and java binary, which the shim sends after its request. */
    LauncherIdentity readLauncher() throws IOException {
        return new LauncherIdentity(ShimProtocol.readString(in), ShimProtocol.readString(in));
    }

    @Override
    public void handshakeLine(String line) throws IOException {
        synchronized (out) {
            out.writeByte(ShimProtocol.STDOUT_LINE);
            ShimProtocol.writeString(out, line);
            out.flush();
        }
    }

    @Override
    public OutputStream stderr() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!channel.isOpen()) {
                    return;
                }
                try {
                    synchronized (out) {
                        out.writeByte(ShimProtocol.STDERR_BYTES);
                        out.writeInt(len);
                        out.write(b, off, len);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the shim is gone; the session stops when awaitShimGone returns
                }
            }
        };
    }

    @Override
    public void exit(int status) {
        try {
            synchronized (out) {
                out.writeByte(ShimProtocol.EXIT);
                out.writeInt(status);
                out.flush();
            }
        } catch (IOException e) {
            // the shim is gone
        }
    }

    @Override
    public void awaitShimGone() {
        ShimLink.readToEnd(in);
    }
}
