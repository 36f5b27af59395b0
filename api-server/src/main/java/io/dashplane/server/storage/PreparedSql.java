package io.dashplane.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteConnection;

/**
 * Fixed SQL text for the few statements every write runs (id allocation, audit row, change feed, a dashboard's
 * rows), executed on the transaction's own JDBC connection. Building and rendering these through jOOQ's DSL and
 * preparing them anew cost more CPU than the statements themselves (profile in docs/performance.md, "Creates,
 * round 3"). The text must be portable SQL (SQLite and PostgreSQL 15): lower-case unquoted names, {@code ?} binds.
 *
 * <p>On SQLite the prepared statements are kept per physical connection and reused (SQLite re-prepares by itself
 * after a schema change; closing the connection closes them). A statement is used only by the thread holding its
 * connection, so there is no sharing. On PostgreSQL each use prepares and closes its statement: the driver keeps
 * its own per-connection cache of server-side prepared statements.
 */
public final class PreparedSql {
    private static final Map<SQLiteConnection, Map<String, PreparedStatement>> SQLITE = new WeakHashMap<>();

    private PreparedSql() {
    }

    /** Sets the bind values of a statement. */
    @FunctionalInterface
    public interface Binds {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the one row a query returns. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public static int update(DSLContext tx, String sql, Binds binds) {
        return tx.connectionResult(c -> run(c, sql, binds, PreparedStatement::executeUpdate));
    }

    /** Runs a query (or a statement with RETURNING); the first row read by {@code row}, null when there is none. */
    public static <T> T first(DSLContext tx, String sql, Binds binds, Row<T> row) {
        return tx.connectionResult(c -> run(c, sql, binds, st -> {
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        }));
    }

    /** Runs a query; {@code row} reads each row. */
    public static void forEach(DSLContext tx, String sql, Binds binds, Row<?> row) {
        tx.connectionResult(c -> run(c, sql, binds, st -> {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
            return null;
        }));
    }

    /** Binds a text value or SQL NULL. */
    public static void text(PreparedStatement st, int index, String value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, value);
        }
    }

    /** Binds a number or SQL NULL. */
    public static void number(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }

    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(Connection c, String sql, Binds binds, Execution<T> execution) {
        try {
            if (!c.isWrapperFor(SQLiteConnection.class)) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    binds.set(st);
                    return execution.run(st);
                }
            }
            PreparedStatement st = cached(c.unwrap(SQLiteConnection.class), sql);
            try {
                binds.set(st);
                return execution.run(st);
            } finally {
                st.clearParameters();
            }
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        }
    }

    private static PreparedStatement cached(SQLiteConnection c, String sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        synchronized (SQLITE) {
            statements = SQLITE.computeIfAbsent(c, k -> new HashMap<>());
        }
        // only the thread holding the connection gets here with it: its map needs no lock of its own
        PreparedStatement st = statements.get(sql);
        if (st == null || st.isClosed()) {
            st = c.prepareStatement(sql);
            statements.put(sql, st);
        }
        return st;
    }
}
