package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.MESSAGE_TEMPLATES;

import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for message templates. */
public final class MessageTemplateRepository {

    public Optional<StoredTemplate> find(DSLContext tx, String env, String name) {
        return tx.selectFrom(MESSAGE_TEMPLATES).where(MESSAGE_TEMPLATES.ENV.eq(env)
                .and(MESSAGE_TEMPLATES.NAME.eq(name))).fetchOptional()
                .map(MessageTemplateRepository::map);
    }

    public List<StoredTemplate> list(DSLContext tx, String env) {
        return tx.selectFrom(MESSAGE_TEMPLATES).where(MESSAGE_TEMPLATES.ENV.eq(env)).orderBy(MESSAGE_TEMPLATES.NAME)
                .fetch(MessageTemplateRepository::map);
    }

    public void insert(DSLContext tx, String env, StoredTemplate t) {
        tx.insertInto(MESSAGE_TEMPLATES).set(MESSAGE_TEMPLATES.ENV, env).set(MESSAGE_TEMPLATES.NAME, t.name())
                .set(MESSAGE_TEMPLATES.TEMPLATE, t.template().template())
                .set(MESSAGE_TEMPLATES.VERSION, t.meta().version()).set(MESSAGE_TEMPLATES.CREATED_AT,
                t.meta().createdAt())
                .set(MESSAGE_TEMPLATES.UPDATED_AT, t.meta().updatedAt()).execute();
    }

    public void update(DSLContext tx, String env, StoredTemplate t) {
        long basedOn = t.meta().version() - 1;
        Condition key = MESSAGE_TEMPLATES.ENV.eq(env).and(MESSAGE_TEMPLATES.NAME.eq(t.name()));
        int rows = tx.update(MESSAGE_TEMPLATES).set(MESSAGE_TEMPLATES.TEMPLATE, t.template().template())
                .set(MESSAGE_TEMPLATES.VERSION, t.meta().version())
                .set(MESSAGE_TEMPLATES.UPDATED_AT, t.meta().updatedAt())
                .where(key.and(MESSAGE_TEMPLATES.VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, MESSAGE_TEMPLATES, key, basedOn, "message template '" + t.name() + "'");
    }

    /**
     * Deletes the template only while it is at {@code version} (the version the delete was decided on): 409 when
     * another write changed it since, 404 when it is gone. Returns the row it removed.
     */
    public List<StoredRow> delete(DSLContext tx, String env, String name, long version) {
        Condition key = MESSAGE_TEMPLATES.ENV.eq(env).and(MESSAGE_TEMPLATES.NAME.eq(name));
        return Versions.deleteAt(tx, MESSAGE_TEMPLATES, key, MESSAGE_TEMPLATES.VERSION, version, "message template '" + name + "'",
                row(tx, env, name).stream().toList());
    }

    /** The stored row of the template, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String name) {
        return StoredRow.read(tx, MESSAGE_TEMPLATES, MESSAGE_TEMPLATES.ENV.eq(env).and(MESSAGE_TEMPLATES.NAME.eq(name)), env, "template", name);
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(MESSAGE_TEMPLATES);
    }

    private static StoredTemplate map(Record r) {
        return new StoredTemplate(new MessageTemplate(r.get(MESSAGE_TEMPLATES.NAME), r.get(MESSAGE_TEMPLATES.TEMPLATE)),
                new ObjectMeta(r.get(MESSAGE_TEMPLATES.VERSION), r.get(MESSAGE_TEMPLATES.CREATED_AT),
                r.get(MESSAGE_TEMPLATES.UPDATED_AT)));
    }
}
