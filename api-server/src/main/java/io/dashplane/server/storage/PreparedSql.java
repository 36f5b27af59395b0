package io.dashplane.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteConnection;

/**
 * Fixed SQL text for the few statements every write runs (id allocation, audit row, change feed, a dashboard's
 * rows), executed on the transaction's own JDBC connection. Building and rendering these through jOOQ's DSL and
 * preparing them anew cost more CPU than the statements themselves (profile in docs/performance.md, "Creates,
 * round 3"). The text must be portable SQL (SQLite and PostgreSQL 15): lower-case unquoted names, {@code ?} binds.
 *
 * <p>On the connection of a SQLite write batch (see {@link Database#write}) the prepared statements are kept from
 * their first use to the end of the batch ({@link #keep}, {@link #closeKept}) and reused by its writers: the
 * SQLite driver does not reset a statement after an update, and a statement left active on a pooled connection
 * would hold it (VACUUM INTO refuses to run on it), so none outlives the batch. A batch's connection is used by the
 * writer holding the write lock only. Elsewhere (read transactions, PostgreSQL) each use prepares and closes its
 * statement; the PostgreSQL driver keeps its own per-connection cache of server-side prepared statements.
 */
public final class PreparedSql {
    private static final Map<SQLiteConnection, Map<String, PreparedStatement>> KEPT = new HashMap<>();

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

    /** From now on until {@link #closeKept}, statements run on the SQLite connection {@code c} are kept and reused. */
    static void keep(SQLiteConnection c) {
        synchronized (KEPT) {
            KEPT.put(c, new HashMap<>());
        }
    }

    /** Closes the statements kept for {@code c} and stops keeping them; before the batch's connection is released. */
    static void closeKept(SQLiteConnection c) {
        Map<String, PreparedStatement> statements;
        synchronized (KEPT) {
            statements = KEPT.remove(c);
        }
        if (statements != null) {
            for (PreparedStatement st : statements.values()) {
                try {
                    st.close();
                } catch (SQLException ignored) {
                    // the connection is released or evicted next; a statement that cannot close goes with it
                }
            }
        }
    }

    private static <T> T run(Connection c, String sql, Binds binds, Execution<T> execution) {
        try {
            Map<String, PreparedStatement> kept = null;
            SQLiteConnection raw = null;
            if (c.isWrapperFor(SQLiteConnection.class)) {
                raw = c.unwrap(SQLiteConnection.class);
                synchronized (KEPT) {
                    kept = KEPT.get(raw);
                }
            }
            if (kept == null) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    binds.set(st);
                    return execution.run(st);
                }
            }
            // only the writer holding the write lock uses a batch's connection: its map needs no lock of its own
            PreparedStatement st = kept.get(sql);
            if (st == null) {
                st = raw.prepareStatement(sql);
                kept.put(sql, st);
            }
            binds.set(st);
            return execution.run(st);
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        }
    }
}
