package io.dashplane.provider.client;

/** The server could not be reached (connection refused, unknown host, TLS handshake, timeout). */
public class DashplaneUnreachableException extends DashplaneException {
    public DashplaneUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
