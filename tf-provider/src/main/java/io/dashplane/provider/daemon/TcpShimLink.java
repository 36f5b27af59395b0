package io.dashplane.provider.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The bash fast path's connection on loopback TCP: lines, because bash reads lines (lib/shim/session.bash).
 * O + the handshake line, E + one log line, X + the exit status; STALE instead of a session when this daemon
 * belongs to another build of the installation.
 */
final class TcpShimLink implements ShimLink {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

    TcpShimLink(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    InputStream in() {
        return in;
    }

    void line(String text) throws IOException {
        synchronized (out) {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void handshakeLine(String line) throws IOException {
        line("O" + line);
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
                synchronized (partialLine) {
                    for (int i = off; i < off + len; i++) {
                        if (b[i] == '\n') {
                            logLine();
                        } else {
                            partialLine.write(b[i]);
                        }
                    }
                }
            }
        };
    }

    /** Sends the buffered log line; dropped once the shim is gone. */
    private void logLine() {
        byte[] text = partialLine.toByteArray();
        partialLine.reset();
        try {
            synchronized (out) {
                out.write('E');
                out.write(text);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the shim is gone; the session stops when awaitShimGone returns
        }
    }

    @Override
    public void exit(int status) {
        synchronized (partialLine) {
            if (partialLine.size() > 0) {
                logLine();
            }
        }
        try {
            line("X" + status);
        } catch (IOException e) {
            // the shim is gone
        }
    }

    @Override
    public void awaitShimGone() {
        ShimLink.readToEnd(in);
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
