package io.dashplane.server.http;

import java.io.IOException;

/** Thrown by the limited request stream when a body without (or with a lying) Content-Length grows too big. */
public final class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
