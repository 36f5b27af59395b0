package io.dashplane.server.storage;

import io.dashplane.server.errors.DomainException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A primary-key or unique constraint that refused a row: the database's answer when two writers (two replicas, or
 * a request racing a rescan) create the same object at once. It is a 409 Conflict, not an internal error.
 */
final class UniqueViolation {
    /** PostgreSQL's SQLSTATE unique_violation (primary keys report it too). */
    private static final String POSTGRES_UNIQUE = "23505";

    private UniqueViolation() {
    }

    /** {@code e} as a 409 when a unique constraint caused it; {@code e} itself otherwise. */
    static RuntimeException asConflict(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isUnique(t)) {
                return DomainException.conflict("the object already exists (created at the same time by another "
                        + "request): " + firstLine(t.getMessage()));
            }
        }
        return e;
    }

    private static boolean isUnique(Throwable t) {
        if (t instanceof SQLiteException s) {
            return s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return t instanceof SQLException s && POSTGRES_UNIQUE.equals(s.getSQLState());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unique constraint";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
