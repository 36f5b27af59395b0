package io.dashplane.server.storage;

/** A write precondition: none, "must exist" (If-Match: *), or an exact version. */
public record ExpectedVersion(Kind kind, long version) {
    public enum Kind { NONE, ANY, EXACT }

    public static final ExpectedVersion NONE = new ExpectedVersion(Kind.NONE, 0);
    public static final ExpectedVersion ANY = new ExpectedVersion(Kind.ANY, 0);

    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(Kind.EXACT, version);
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    public boolean isAny() {
        return kind == Kind.ANY;
    }
}
