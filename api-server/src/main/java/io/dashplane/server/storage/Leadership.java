package io.dashplane.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which replica does the work that must happen once (periodic provisioning rescans; plan expiry and sync targets can
 * ask the same): on SQLite the only server; on PostgreSQL the replica whose dedicated connection holds a session
 * advisory lock. When the leader dies its connection ends and PostgreSQL releases the lock; the next replica to ask
 * {@link #isLeader()} takes it over.
 */
public final class Leadership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** "dashlead" in ASCII; distinct from the write lock's key. */
    private static final long LEADER_KEY = 0x646173686c656164L;

    private final DataSource pool;
    private Connection held;

    private Leadership(DataSource pool) {
        this.pool = pool;
    }

    /** The only server (SQLite). */
    static Leadership alone() {
        return new Leadership(null);
    }

    static Leadership amongReplicas(DataSource pool) {
        return new Leadership(pool);
    }

    /** Whether this replica leads now: keeps the lock it holds, or tries to take it. Cheap enough to ask per tick. */
    public synchronized boolean isLeader() {
        if (pool == null) {
            return true;
        }
        if (held != null) {
            try {
                if (held.isValid(2)) {
                    return true;
                }
            } catch (SQLException e) {
                // lost below
            }
            LOG.warn("lost the leadership: the connection holding it broke");
            closeHeld();
        }
        try {
            Connection c = pool.getConnection();
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, LEADER_KEY);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        held = c;
                        LOG.info("this replica leads now (provisioning rescans and other once-only work)");
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            return false; // the database is unreachable: nobody can prove to lead
        }
    }

    private void closeHeld() {
        try {
            held.close();
        } catch (SQLException ignored) {
            // broken anyway
        }
        held = null;
    }

    @Override
    public synchronized void close() {
        if (held != null) {
            // a pooled connection must not go back to the pool holding the lock
            try (PreparedStatement s = held.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, LEADER_KEY);
                s.execute();
            } catch (SQLException ignored) {
                // the connection closes below; PostgreSQL releases the lock with it
            }
            closeHeld();
        }
    }
}
