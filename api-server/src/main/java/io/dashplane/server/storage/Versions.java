package io.dashplane.server.storage;

import io.dashplane.server.http.ProblemException;

/** The compare-and-set rule shared by every kind of object. */
public final class Versions {
    private Versions() {
    }

    /**
     * Checks a write's precondition against the stored version ({@code null} when the object does not exist).
     * {@code expected} is the client's If-Match / body version: null means unconditional.
     */
    public static void check(ExpectedVersion expected, Long current, String what) {
        if (expected == null || expected.isNone()) {
            return;
        }
        if (current == null) {
            throw ProblemException.notFound(what + " does not exist");
        }
        if (expected.isAny()) {
            return;
        }
        if (expected.version() != current) {
            throw ProblemException.versionConflict(current,
                    what + " is at version " + current + ", the write expected version " + expected.version());
        }
    }
}
