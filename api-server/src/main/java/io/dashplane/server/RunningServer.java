package io.dashplane.server;

import java.net.URI;

/** A started server. {@link #close()} stops accepting, lets in-flight requests finish, closes the database. */
public interface RunningServer extends AutoCloseable {
    /** e.g. {@code http://127.0.0.1:41234/} (loopback when bound to a wildcard address). */
    URI baseUri();

    int port();

    /** The service/repository layer this server runs on, for in-process access. */
    Services services();

    @Override
    void close();
}
