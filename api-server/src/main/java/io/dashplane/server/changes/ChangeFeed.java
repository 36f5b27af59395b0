package io.dashplane.server.changes;

import static io.dashplane.server.storage.schema.Tables.CHANGE_FEED;

import io.dashplane.server.storage.PreparedSql;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The change feed's table. {@link #append} runs inside the transaction of the write it describes (the audit
 * log calls it for every audited write to an environment), so a change is in the feed exactly when it was
 * committed, and its sequence number is the environment's previous maximum plus one: writes are serialized
 * by the database's single writer, so numbers are gapless and increase in commit order.
 */
public final class ChangeFeed {
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    /** Audited kinds that are not content of an environment. */
    private static final Set<String> NOT_CONTENT = Set.of("service-account", "api-token", "secret-key",
            "sync-target", "sync-run", "sync-drift");
    /** Kinds whose key is a name rather than a uid. */
    private static final Set<String> NAMED = Set.of("template", "rule-group");

    private ChangeFeed() {
    }

    /** Appends a change when {@code kind} is content of environment {@code env}; {@code action} is an audit action. */
    public static void append(DSLContext tx, String env, String kind, String key, String action, String at) {
        if (env == null || NOT_CONTENT.contains(kind)) {
            return;
        }
        // one statement (INSERT ... SELECT max + 1): it runs under the write lock of every audited write
        PreparedSql.update(tx, APPEND, st -> {
            st.setString(1, env);
            st.setString(2, kind);
            st.setString(3, key);
            st.setString(4, feedAction(action));
            st.setString(5, at);
            st.setString(6, env);
        });
    }

    private static final String APPEND = "insert into change_feed (env, \"sequence\", kind, object_key, \"action\", \"at\")"
            + " select ?, coalesce(max(\"sequence\"), 0) + 1, ?, ?, ?, ? from change_feed where env = ?";

    /** The environment's latest sequence number, 0 before its first change. */
    public static long latest(DSLContext tx, String env) {
        Long max = tx.select(DSL.max(CHANGE_FEED.SEQUENCE)).from(CHANGE_FEED).where(CHANGE_FEED.ENV.eq(env))
                .fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** The changes after {@code since}, oldest first, at most {@code limit}. */
    public static List<Change> after(DSLContext tx, String env, long since, int limit) {
        return tx.select(CHANGE_FEED.SEQUENCE, CHANGE_FEED.KIND, CHANGE_FEED.OBJECT_KEY, CHANGE_FEED.ACTION,
                CHANGE_FEED.AT).from(CHANGE_FEED).where(CHANGE_FEED.ENV.eq(env).and(CHANGE_FEED.SEQUENCE.gt(since)))
                .orderBy(CHANGE_FEED.SEQUENCE).limit(limit)
                .fetch(r -> {
                    boolean named = NAMED.contains(r.get(CHANGE_FEED.KIND));
                    return new Change(r.get(CHANGE_FEED.SEQUENCE), r.get(CHANGE_FEED.KIND),
                            named ? null : r.get(CHANGE_FEED.OBJECT_KEY), named ? r.get(CHANGE_FEED.OBJECT_KEY) : null,
                            r.get(CHANGE_FEED.ACTION), r.get(CHANGE_FEED.AT));
                });
    }

    private static String feedAction(String auditAction) {
        return switch (auditAction) {
            case "create" -> CREATED;
            case "delete" -> DELETED;
            default -> UPDATED;
        };
    }
}
