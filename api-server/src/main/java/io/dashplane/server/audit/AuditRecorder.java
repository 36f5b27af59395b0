package io.dashplane.server.audit;

import io.dashplane.server.changes.ChangeFeed;
import io.dashplane.server.storage.IdSequence;
import io.dashplane.server.storage.PreparedSql;
import io.dashplane.server.storage.StoredRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Records changes in the audit log inside one write transaction, as one actor. A service obtains it where it opens
 * its write transaction ({@link #of}) and hands it down to whatever records; every entry is then part of the
 * change's own transaction, so it exists exactly when the change was committed. Every audited write to an
 * environment's content is also appended to that environment's change feed, in the same transaction.
 *
 * <p>Callers pass the object's state as the API shows it (secrets are never part of that: datasources carry only
 * {@code secureJsonFields} flags), so the digest cannot be used to test guesses of a secret.
 */
public final class AuditRecorder {
    private static final String INSERT = "insert into audit_log (id, \"at\", actor, env, kind, uid, \"action\","
            + " version_before, version_after, digest, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext tx;
    private final Actor actor;

    public AuditRecorder(DSLContext tx, Actor actor) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** A recorder for the write transaction {@code tx}, as the actor of the current request ({@link Actor#current()}). */
    public static AuditRecorder of(DSLContext tx) {
        return new AuditRecorder(tx, Actor.current());
    }

    public Actor actor() {
        return actor;
    }

    /** Records a change. {@code state} is a JSON string, or any object Jackson can serialize, or null. */
    public void record(String env, String kind, String uid, String action, Long versionBefore, Long versionAfter,
                       Object state) {
        insert(env, kind, uid, action, versionBefore, versionAfter, AuditLog.digest(state), null);
    }

    /**
     * Records an event that is no object write (a sync run): {@code detail} is a small summary (counts, an error
     * message) kept as JSON and shown with the entry; it must never hold a secret.
     */
    public void recordEvent(String env, String kind, String uid, String action, Map<String, Object> detail) {
        String json = AuditLog.canonicalJson(detail);
        insert(env, kind, uid, action, null, null, AuditLog.digest(json), json);
    }

    /** Records the creation of {@code row}, just written. */
    public void created(StoredRow row) {
        written(row, true);
    }

    /** Records an update that gave {@code row} its current version (the one before is that minus one). */
    public void updated(StoredRow row) {
        written(row, false);
    }

    /**
     * Records a write of {@code row} read back after it: {@code insert} true for a create (no version before), else an
     * update from version-1. Columns holding secrets are left out of the digest.
     */
    public void written(StoredRow row, boolean insert) {
        Long after = row.row().get("version", Long.class);
        Long before = insert || after == null ? null : after - 1;
        record(row.env(), row.kind(), row.key(), insert ? AuditLog.CREATE : AuditLog.UPDATE, before, after,
                publicColumns(row));
    }

    /** Records the deletion of each row, in order, as it was before the delete. */
    public void deleted(List<StoredRow> rows) {
        for (StoredRow row : rows) {
            record(row.env(), row.kind(), row.key(), AuditLog.DELETE, row.row().get("version", Long.class), null,
                    publicColumns(row));
        }
    }

    private void insert(String env, String kind, String uid, String action, Long versionBefore, Long versionAfter,
                        String digest, String detail) {
        long id = IdSequence.next(tx, "audit");
        String at = AuditLog.timestamp(Instant.now());
        PreparedSql.update(tx, INSERT, st -> {
            st.setLong(1, id);
            st.setString(2, at);
            st.setString(3, actor.name());
            PreparedSql.text(st, 4, env);
            st.setString(5, kind);
            st.setString(6, uid);
            st.setString(7, action);
            PreparedSql.number(st, 8, versionBefore);
            PreparedSql.number(st, 9, versionAfter);
            PreparedSql.text(st, 10, digest);
            PreparedSql.text(st, 11, detail);
        });
        ChangeFeed.append(tx, env, kind, uid, action, at);
    }

    /** The row without sealed secrets ({@code secure_data}, {@code *_secret*}), sorted by column name. */
    private static Map<String, Object> publicColumns(StoredRow row) {
        Map<String, Object> out = new TreeMap<>();
        for (Field<?> f : row.row().fields()) {
            String name = f.getName();
            if (!name.equals("secure_data") && !name.contains("secret")) {
                Object v = row.row().get(f);
                out.put(name, v == null ? null : v.toString());
            }
        }
        return out;
    }
}
