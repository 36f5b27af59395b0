package io.dashplane.server.changes;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
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

    private static final Table<?> FEED = table("change_feed");
    private static final Field<String> ENV = text("env");
    private static final Field<Long> SEQUENCE = bigint("sequence");
    private static final Field<String> KIND = text("kind");
    private static final Field<String> KEY = text("object_key");
    private static final Field<String> ACTION = text("action");
    private static final Field<String> AT = text("at");

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
        long next = latest(tx, env) + 1;
        tx.insertInto(FEED, ENV, SEQUENCE, KIND, KEY, ACTION, AT).values(env, next, kind, key, feedAction(action), at)
                .execute();
    }

    /** The environment's latest sequence number, 0 before its first change. */
    public static long latest(DSLContext tx, String env) {
        Long max = tx.select(DSL.max(SEQUENCE)).from(FEED).where(ENV.eq(env)).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** The changes after {@code since}, oldest first, at most {@code limit}. */
    public static List<Change> after(DSLContext tx, String env, long since, int limit) {
        return tx.select(SEQUENCE, KIND, KEY, ACTION, AT).from(FEED).where(ENV.eq(env).and(SEQUENCE.gt(since)))
                .orderBy(SEQUENCE).limit(limit)
                .fetch(r -> {
                    boolean named = NAMED.contains(r.get(KIND));
                    return new Change(r.get(SEQUENCE), r.get(KIND), named ? null : r.get(KEY), named ? r.get(KEY) : null,
                            r.get(ACTION), r.get(AT));
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
