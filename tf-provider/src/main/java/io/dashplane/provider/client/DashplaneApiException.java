package io.dashplane.provider.client;

import java.util.List;

/** The server answered with an error status; carries its problem document. */
public class DashplaneApiException extends DashplaneException {
    private final String method;
    private final String url;
    private final Problem problem;

    public DashplaneApiException(String method, String url, Problem problem) {
        this(method, url, problem, method + " " + url + " failed (HTTP " + problem.status() + "): " + problem.describe());
    }

    protected DashplaneApiException(String method, String url, Problem problem, String message) {
        super(message);
        this.method = method;
        this.url = url;
        this.problem = problem;
    }

    public int status() {
        return problem.status();
    }

    public Problem problem() {
        return problem;
    }

    public String title() {
        return problem.title();
    }

    public String detail() {
        return problem.detail();
    }

    public List<FieldError> errors() {
        return problem.errors();
    }

    /** The stored version reported by a version conflict, else null. */
    public Long currentVersion() {
        return problem.currentVersion();
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public boolean isNotFound() {
        return status() == 404;
    }

    public boolean isConflict() {
        return status() == 409;
    }
}
