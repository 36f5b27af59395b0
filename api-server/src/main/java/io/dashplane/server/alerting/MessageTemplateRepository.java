package io.dashplane.server.alerting;

import static io.dashplane.server.alerting.AlertingColumns.CREATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.ENV;
import static io.dashplane.server.alerting.AlertingColumns.NAME;
import static io.dashplane.server.alerting.AlertingColumns.UPDATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.VERSION;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for message templates. */
public final class MessageTemplateRepository {
    private static final Table<?> TEMPLATES = table("message_templates");
    private static final Field<String> TEMPLATE = text("template");

    public Optional<StoredTemplate> find(DSLContext tx, String env, String name) {
        return tx.selectFrom(TEMPLATES).where(ENV.eq(env).and(NAME.eq(name))).fetchOptional()
                .map(MessageTemplateRepository::map);
    }

    public List<StoredTemplate> list(DSLContext tx, String env) {
        return tx.selectFrom(TEMPLATES).where(ENV.eq(env)).orderBy(NAME).fetch(MessageTemplateRepository::map);
    }

    public void insert(DSLContext tx, String env, StoredTemplate t) {
        tx.insertInto(TEMPLATES).set(ENV, env).set(NAME, t.name()).set(TEMPLATE, t.template().template())
                .set(VERSION, t.meta().version()).set(CREATED_AT, t.meta().createdAt())
                .set(UPDATED_AT, t.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "template", t.name(), TEMPLATES, ENV.eq(env).and(NAME.eq(t.name())), true);
    }

    public void update(DSLContext tx, String env, StoredTemplate t) {
        long basedOn = t.meta().version() - 1;
        int rows = tx.update(TEMPLATES).set(TEMPLATE, t.template().template()).set(VERSION, t.meta().version())
                .set(UPDATED_AT, t.meta().updatedAt())
                .where(ENV.eq(env).and(NAME.eq(t.name())).and(VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, TEMPLATES, ENV.eq(env).and(NAME.eq(t.name())), basedOn,
                "message template '" + t.name() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "template", t.name(), TEMPLATES, ENV.eq(env).and(NAME.eq(t.name())), false);
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public void delete(DSLContext tx, String env, String name, long version) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "template", name, TEMPLATES, ENV.eq(env).and(NAME.eq(name)));
        int rows = tx.deleteFrom(TEMPLATES).where(ENV.eq(env).and(NAME.eq(name)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, TEMPLATES, ENV.eq(env).and(NAME.eq(name)), version, "message template '" + name + "'");
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(TEMPLATES);
    }

    private static StoredTemplate map(Record r) {
        return new StoredTemplate(new MessageTemplate(r.get(NAME), r.get(TEMPLATE)), AlertingColumns.meta(r));
    }
}
