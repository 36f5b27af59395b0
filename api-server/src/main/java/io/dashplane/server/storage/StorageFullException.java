package io.dashplane.server.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The disk holding the data directory (or the database, at its page limit) is full: SQLite's
 * {@code SQLITE_FULL}, or an {@link IOException} for {@code ENOSPC}. The change was rolled back; the HTTP
 * layer answers 507 Insufficient Storage.
 */
public final class StorageFullException extends RuntimeException {
    /** SQLite's primary result code {@code SQLITE_FULL}; extended codes keep it in the low byte. */
    private static final int SQLITE_FULL = 13;

    public StorageFullException(Throwable cause) {
        super("the server's storage is full", cause);
    }

    /** Whether {@code e} or one of its causes says the storage is full. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageFullException) {
                return true;
            }
            if (t instanceof SQLException s && ((s.getErrorCode() & 0xff) == SQLITE_FULL
                    || String.valueOf(s.getMessage()).contains("SQLITE_FULL"))) {
                return true;
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("no space left on device")) {
                return true;
            }
        }
        return false;
    }
}
