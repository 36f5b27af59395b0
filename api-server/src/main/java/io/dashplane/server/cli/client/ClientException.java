package io.dashplane.server.cli.client;

/** A failure a client command reports as one readable message (exit 1). */
public class ClientException extends Exception {
    public ClientException(String message) {
        super(message);
    }
}
