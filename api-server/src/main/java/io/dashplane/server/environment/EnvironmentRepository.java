package io.dashplane.server.environment;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.server.storage.Versions;
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
    static final Field<Long> ORG_ID = bigint("org_id");
    static final Field<String> DESCRIPTION = text("description");
    static final Field<String> VALIDATION = text("validation");
    static final Field<Long> VERSION = bigint("version");
    static final Field<String> CREATED_AT = text("created_at");
    static final Field<String> UPDATED_AT = text("updated_at");

    public Optional<Environment> find(DSLContext tx, String name) {
        return tx.select(NAME, ORG_ID, DESCRIPTION, VALIDATION, VERSION, CREATED_AT, UPDATED_AT).from(ENVIRONMENTS)
                .where(NAME.eq(name)).fetchOptional().map(EnvironmentRepository::map);
    }

    public boolean exists(DSLContext tx, String name) {
        return tx.fetchExists(ENVIRONMENTS, NAME.eq(name));
    }

    public List<Environment> list(DSLContext tx, int offset, int limit) {
        return tx.select(NAME, ORG_ID, DESCRIPTION, VALIDATION, VERSION, CREATED_AT, UPDATED_AT).from(ENVIRONMENTS)
                .orderBy(NAME).limit(limit).offset(offset).fetch(EnvironmentRepository::map);
    }

    public long count(DSLContext tx) {
        return tx.fetchCount(ENVIRONMENTS);
    }

    public Optional<Environment> findByOrgId(DSLContext tx, long orgId) {
        return tx.select(NAME, ORG_ID, DESCRIPTION, VALIDATION, VERSION, CREATED_AT, UPDATED_AT).from(ENVIRONMENTS)
                .where(ORG_ID.eq(orgId)).fetchOptional().map(EnvironmentRepository::map);
    }

    public boolean orgIdTaken(DSLContext tx, long orgId) {
        return tx.fetchExists(ENVIRONMENTS, ORG_ID.eq(orgId));
    }

    /** Inserts; an org id of 0 becomes the next free one (one more than the highest). Returns what was stored. */
    public Environment insert(DSLContext tx, Environment e) {
        long orgId = e.orgId() > 0 ? e.orgId()
                : tx.select(DSL.coalesce(DSL.max(ORG_ID), 0L)).from(ENVIRONMENTS).fetchSingle().value1() + 1;
        Environment stored = new Environment(e.name(), orgId, e.description(), e.validation(), e.version(),
                e.createdAt(), e.updatedAt());
        tx.insertInto(ENVIRONMENTS, NAME, ORG_ID, DESCRIPTION, VALIDATION, VERSION, CREATED_AT, UPDATED_AT)
                .values(e.name(), orgId, e.description(), e.validation(), e.version(), e.createdAt(), e.updatedAt())
                .execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, e.name(), KIND, e.name(), ENVIRONMENTS, NAME.eq(e.name()), true);
        return stored;
    }

    /** Rewrites the description and validation mode with the version and timestamp of {@code e}. */
    public void update(DSLContext tx, Environment e) {
        int rows = tx.update(ENVIRONMENTS).set(DESCRIPTION, e.description()).set(VALIDATION, e.validation())
                .set(VERSION, e.version()).set(UPDATED_AT, e.updatedAt())
                .where(NAME.eq(e.name()).and(VERSION.eq(e.version() - 1))).execute();
        Versions.applied(rows, tx, ENVIRONMENTS, NAME.eq(e.name()), e.version() - 1,
                "environment '" + e.name() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, e.name(), KIND, e.name(), ENVIRONMENTS, NAME.eq(e.name()), false);
    }

    /** The validation mode of an environment (strict when it does not exist; callers check existence). */
    public ValidationMode validationMode(DSLContext tx, String name) {
        String stored = tx.select(VALIDATION).from(ENVIRONMENTS).where(NAME.eq(name)).fetchOne(VALIDATION);
        ValidationMode mode = ValidationMode.parse(stored);
        return mode == null ? ValidationMode.STRICT : mode;
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
        return new Environment(r.get(NAME), r.get(ORG_ID), r.get(DESCRIPTION), r.get(VALIDATION), r.get(VERSION),
                r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
