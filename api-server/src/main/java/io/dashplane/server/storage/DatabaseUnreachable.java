package io.dashplane.server.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises a failure to reach the database server (PostgreSQL down or unreachable), which is not our bug. */
public final class DatabaseUnreachable {
    private DatabaseUnreachable() {
    }

    /** Whether {@code e} or one of its causes says no connection to the database could be had or kept. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool's connection timeout
            }
            // SQLSTATE class 08: connection exception; 57P01..57P03: the server shut down or cannot connect now
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
