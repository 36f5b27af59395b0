package io.dashplane.server.environment;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** SQL for environments. Every method runs inside the caller's transaction. */
public final class EnvironmentRepository {
    public static final String KIND = "environment";
    static final Table<?> ENVIRONMENTS = table("environments");
    static final Field<String> NAME = text("name");
    static final Field<String> DESCRIPTION = text("description");
    static final Field<Long> VERSION = bigint("version");
    static final Field<String> CREATED_AT = text("created_at");
    static final Field<String> UPDATED_AT = text("updated_at");

    public Optional<Environment> find(DSLContext tx, String name) {
        return tx.select(NAME, DESCRIPTION, VERSION, CREATED_AT, UPDATED_AT).from(ENVIRONMENTS)
                .where(NAME.eq(name)).fetchOptional().map(EnvironmentRepository::map);
    }

    public boolean exists(DSLContext tx, String name) {
        return tx.fetchExists(ENVIRONMENTS, NAME.eq(name));
    }

    public List<Environment> list(DSLContext tx, int offset, int limit) {
        return tx.select(NAME, DESCRIPTION, VERSION, CREATED_AT, UPDATED_AT).from(ENVIRONMENTS)
                .orderBy(NAME).limit(limit).offset(offset).fetch(EnvironmentRepository::map);
    }

    public long count(DSLContext tx) {
        return tx.fetchCount(ENVIRONMENTS);
    }

    public void insert(DSLContext tx, Environment e) {
        tx.insertInto(ENVIRONMENTS, NAME, DESCRIPTION, VERSION, CREATED_AT, UPDATED_AT)
                .values(e.name(), e.description(), e.version(), e.createdAt(), e.updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, e.name(), KIND, e.name(), ENVIRONMENTS, NAME.eq(e.name()), true);
    }

    public void delete(DSLContext tx, String name) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, name, KIND, name, ENVIRONMENTS, NAME.eq(name));
        tx.deleteFrom(ENVIRONMENTS).where(NAME.eq(name)).execute();
    }

    /** Number of objects of any kind in the environment. */
    public long contentCount(DSLContext tx, String name) {
        Field<String> env = text("env");
        long n = 0;
        for (String t : List.of("datasources", "folders", "dashboards", "contact_points", "notification_policies",
                "notification_routes", "mute_timings", "message_templates")) {
            n += tx.fetchCount(DSL.selectOne().from(table(t)).where(env.eq(name)));
        }
        return n;
    }

    private static Environment map(Record r) {
        return new Environment(r.get(NAME), r.get(DESCRIPTION), r.get(VERSION), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
