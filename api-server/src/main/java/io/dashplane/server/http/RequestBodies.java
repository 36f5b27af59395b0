package io.dashplane.server.http;

/** Checks shared by resources that take a body. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.malformed("", "a JSON object body is required");
        }
        return body;
    }
}
