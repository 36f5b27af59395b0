package io.dashplane.server.audit;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Reads the audit log, newest first. */
public final class AuditRepository {
    private static final Field<Long> ID = bigint("id");
    private static final Field<String> AT = text("at");
    private static final Field<String> ACTOR = text("actor");
    private static final Field<String> ENV = text("env");
    private static final Field<String> KIND = text("kind");
    private static final Field<String> UID = text("uid");
    private static final Field<String> ACTION = text("action");
    private static final Field<Long> BEFORE = bigint("version_before");
    private static final Field<Long> AFTER = bigint("version_after");
    private static final Field<String> DIGEST = text("digest");
    private static final Field<String> DETAIL = text("detail");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public List<AuditEntry> list(DSLContext tx, AuditQuery q, int offset, int limit) {
        return tx.select(ID, AT, ACTOR, ENV, KIND, UID, ACTION, BEFORE, AFTER, DIGEST, DETAIL).from(table("audit_log"))
                .where(where(q)).orderBy(ID.desc()).limit(limit).offset(offset).fetch(AuditRepository::map);
    }

    public long count(DSLContext tx, AuditQuery q) {
        return tx.fetchCount(DSL.selectOne().from(table("audit_log")).where(where(q)));
    }

    private static Condition where(AuditQuery q) {
        List<Condition> c = new ArrayList<>();
        if (q.env() != null) {
            c.add(ENV.eq(q.env()));
        }
        if (q.kind() != null) {
            c.add(KIND.eq(q.kind()));
        }
        if (q.uid() != null) {
            c.add(UID.eq(q.uid()));
        }
        if (q.actor() != null) {
            c.add(ACTOR.eq(q.actor()));
        }
        // Timestamps are fixed-width RFC 3339 UTC text (millisecond precision), so text order is time order.
        if (q.since() != null) {
            c.add(AT.ge(q.since()));
        }
        if (q.until() != null) {
            c.add(AT.lt(q.until()));
        }
        return DSL.and(c);
    }

    private static AuditEntry map(Record r) {
        return new AuditEntry(r.get(ID), r.get(AT), r.get(ACTOR), r.get(ENV), r.get(KIND), r.get(UID), r.get(ACTION),
                r.get(BEFORE), r.get(AFTER), r.get(DIGEST), detail(r.get(DETAIL)));
    }

    private static com.fasterxml.jackson.databind.JsonNode detail(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
