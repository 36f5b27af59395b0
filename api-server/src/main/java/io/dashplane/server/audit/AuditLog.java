package io.dashplane.server.audit;

import static io.dashplane.server.storage.schema.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import io.dashplane.server.changes.ChangeFeed;
import io.dashplane.server.storage.IdSequence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jooq.DSLContext;

/**
 * The write path of the audit log. Services call {@link #record} inside the transaction of the change
 * itself, so an entry exists exactly when the change was committed. The actor comes from
 * {@link Actor#current()}.
 *
 * <p>Callers pass the object's state as the API shows it (secrets are never part of that: datasources
 * carry only {@code secureJsonFields} flags), so the digest cannot be used to test guesses of a secret.
 */
public final class AuditLog {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private AuditLog() {
    }

    /** Records a change. {@code state} is a JSON string, or any object Jackson can serialize, or null. */
    public static void record(DSLContext tx, String env, String kind, String uid, String action,
                              Long versionBefore, Long versionAfter, Object state) {
        long id = IdSequence.next(tx, "audit");
        String at = timestamp(Instant.now());
        tx.insertInto(AUDIT_LOG, AUDIT_LOG.ID, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ENV, AUDIT_LOG.KIND,
                        AUDIT_LOG.UID, AUDIT_LOG.ACTION, AUDIT_LOG.VERSION_BEFORE, AUDIT_LOG.VERSION_AFTER,
                        AUDIT_LOG.DIGEST)
                .values(id, at, Actor.current().name(), env, kind, uid, action, versionBefore,
                        versionAfter, digest(state))
                .execute();
        // every audited write to an environment's content is also a change of its feed, in the same transaction
        ChangeFeed.append(tx, env, kind, uid, action, at);
    }

    /**
     * Records an event that is no object write (a sync run): {@code detail} is a small summary (counts, an error
     * message) kept as JSON and shown with the entry; it must never hold a secret.
     */
    public static void recordEvent(DSLContext tx, String env, String kind, String uid, String action,
                                   java.util.Map<String, Object> detail) {
        String json;
        try {
            json = CANONICAL.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long id = IdSequence.next(tx, "audit");
        String at = timestamp(Instant.now());
        tx.insertInto(AUDIT_LOG, AUDIT_LOG.ID, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ENV, AUDIT_LOG.KIND,
                        AUDIT_LOG.UID, AUDIT_LOG.ACTION, AUDIT_LOG.DIGEST, AUDIT_LOG.DETAIL)
                .values(id, at, Actor.current().name(), env, kind, uid, action, digest(json), json)
                .execute();
        ChangeFeed.append(tx, env, kind, uid, action, at);
    }

    /** Create when there was no version before, update otherwise. */
    public static void recordWrite(DSLContext tx, String env, String kind, String uid, Long versionBefore,
                                   long versionAfter, Object state) {
        record(tx, env, kind, uid, versionBefore == null ? CREATE : UPDATE, versionBefore, versionAfter, state);
    }

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** RFC 3339 UTC with exactly three fraction digits, so that text order is time order in queries. */
    public static String timestamp(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    /**
     * Records a write a repository has just made to {@code table}, reading the row back (in the same
     * transaction) for its version and state: {@code insert} true for a create (no version before),
     * else an update from version-1. Columns holding secrets are left out of the digest.
     */
    public static void recordRow(DSLContext tx, String env, String kind, String uid, org.jooq.Table<?> table,
                                 org.jooq.Condition row, boolean insert) {
        org.jooq.Record r = tx.selectFrom(untyped(table)).where(row).fetchOne();
        if (r == null) {
            return;
        }
        Long after = r.get("version", Long.class);
        Long before = insert || after == null ? null : after - 1;
        record(tx, env, kind, uid, insert ? CREATE : UPDATE, before, after, publicColumns(r));
    }

    /**
     * Records the deletion of the row {@code row} of {@code table}; call it just before deleting, in the
     * same transaction. Nothing is recorded when the row does not exist.
     */
    public static void recordDelete(DSLContext tx, String env, String kind, String uid, org.jooq.Table<?> table,
                                    org.jooq.Condition row) {
        for (org.jooq.Record r : tx.selectFrom(untyped(table)).where(row).fetch()) {
            record(tx, env, kind, uid, DELETE, r.get("version", Long.class), null, publicColumns(r));
        }
    }

    /**
     * The table by name only: its values are digested as the driver returns them (SQLite booleans as 1 and 0), as
     * they were before the tables were generated, so that an unchanged row keeps its digest.
     */
    private static org.jooq.Table<?> untyped(org.jooq.Table<?> table) {
        return org.jooq.impl.DSL.table(table.getQualifiedName());
    }

    /** The row without sealed secrets ({@code secure_data}, {@code *_secret*}), sorted by column name. */
    private static java.util.Map<String, Object> publicColumns(org.jooq.Record r) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>();
        for (org.jooq.Field<?> f : r.fields()) {
            String name = f.getName();
            if (!name.equals("secure_data") && !name.contains("secret")) {
                Object v = r.get(f);
                out.put(name, v == null ? null : v.toString());
            }
        }
        return out;
    }

    static String digest(Object state) {
        if (state == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = state instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : CANONICAL.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an audited object", e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
