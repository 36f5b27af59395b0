package io.dashplane.provider.cty;

/** A value does not fit a type, or bytes on the wire do not decode; carries where it happened. */
public class CtyException extends RuntimeException {
    private final AttributePath path;
    private final String problem;

    public CtyException(AttributePath path, String problem) {
        super(path.isRoot() ? problem : path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public CtyException(AttributePath path, String problem, Throwable cause) {
        this(path, problem);
        initCause(cause);
    }

    public AttributePath path() {
        return path;
    }

    /** The message without the path. */
    public String problem() {
        return problem;
    }
}
