package io.dashplane.provider.client;

/** Any failure of a call to the Dashplane server. */
public class DashplaneException extends RuntimeException {
    public DashplaneException(String message) {
        super(message);
    }

    public DashplaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
