package io.dashplane.server.audit;

import static io.dashplane.server.storage.schema.Tables.AUDIT_LOG;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Reads the audit log, newest first. */
public final class AuditRepository {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public List<AuditEntry> list(DSLContext tx, AuditQuery q, int offset, int limit) {
        return tx.select(AUDIT_LOG.ID, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ENV, AUDIT_LOG.KIND, AUDIT_LOG.UID,
                AUDIT_LOG.ACTION, AUDIT_LOG.VERSION_BEFORE, AUDIT_LOG.VERSION_AFTER, AUDIT_LOG.DIGEST, AUDIT_LOG.DETAIL)
                .from(AUDIT_LOG)
                .where(where(q)).orderBy(AUDIT_LOG.ID.desc()).limit(limit).offset(offset).fetch(AuditRepository::map);
    }

    public long count(DSLContext tx, AuditQuery q) {
        return tx.fetchCount(DSL.selectOne().from(AUDIT_LOG).where(where(q)));
    }

    private static Condition where(AuditQuery q) {
        List<Condition> c = new ArrayList<>();
        if (q.env() != null) {
            c.add(AUDIT_LOG.ENV.eq(q.env()));
        }
        if (q.kind() != null) {
            c.add(AUDIT_LOG.KIND.eq(q.kind()));
        }
        if (q.uid() != null) {
            c.add(AUDIT_LOG.UID.eq(q.uid()));
        }
        if (q.actor() != null) {
            c.add(AUDIT_LOG.ACTOR.eq(q.actor()));
        }
        // Timestamps are fixed-width RFC 3339 UTC text (millisecond precision), so text order is time order.
        if (q.since() != null) {
            c.add(AUDIT_LOG.AT.ge(q.since()));
        }
        if (q.until() != null) {
            c.add(AUDIT_LOG.AT.lt(q.until()));
        }
        return DSL.and(c);
    }

    private static AuditEntry map(Record r) {
        return new AuditEntry(r.get(AUDIT_LOG.ID), r.get(AUDIT_LOG.AT), r.get(AUDIT_LOG.ACTOR), r.get(AUDIT_LOG.ENV),
                r.get(AUDIT_LOG.KIND), r.get(AUDIT_LOG.UID), r.get(AUDIT_LOG.ACTION),
                r.get(AUDIT_LOG.VERSION_BEFORE), r.get(AUDIT_LOG.VERSION_AFTER), r.get(AUDIT_LOG.DIGEST),
                detail(r.get(AUDIT_LOG.DETAIL)));
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
