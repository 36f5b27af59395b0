package io.dashplane.server.environment;

import static io.dashplane.server.storage.schema.Tables.CONTACT_POINTS;
import static io.dashplane.server.storage.schema.Tables.DASHBOARDS;
import static io.dashplane.server.storage.schema.Tables.DATASOURCES;
import static io.dashplane.server.storage.schema.Tables.ENVIRONMENTS;
import static io.dashplane.server.storage.schema.Tables.FOLDERS;
import static io.dashplane.server.storage.schema.Tables.MESSAGE_TEMPLATES;
import static io.dashplane.server.storage.schema.Tables.MUTE_TIMINGS;
import static io.dashplane.server.storage.schema.Tables.NOTIFICATION_POLICIES;
import static io.dashplane.server.storage.schema.Tables.NOTIFICATION_ROUTES;

import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.server.storage.PreparedSql;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/** SQL for environments. Every method runs inside the caller's transaction. */
public final class EnvironmentRepository {
    public static final String KIND = "environment";

    public Optional<Environment> find(DSLContext tx, String name) {
        return tx.select(ENVIRONMENTS.NAME, ENVIRONMENTS.ORG_ID, ENVIRONMENTS.DESCRIPTION, ENVIRONMENTS.VALIDATION,
                ENVIRONMENTS.VERSION, ENVIRONMENTS.CREATED_AT, ENVIRONMENTS.UPDATED_AT).from(ENVIRONMENTS)
                .where(ENVIRONMENTS.NAME.eq(name)).fetchOptional().map(EnvironmentRepository::map);
    }

    public boolean exists(DSLContext tx, String name) {
        // every request to an environment asks this: fixed SQL, prepared once per connection
        return PreparedSql.first(tx, "select 1 from environments where name = ?", st -> st.setString(1, name),
                row -> Boolean.TRUE) != null;
    }

    public List<Environment> list(DSLContext tx, int offset, int limit) {
        return tx.select(ENVIRONMENTS.NAME, ENVIRONMENTS.ORG_ID, ENVIRONMENTS.DESCRIPTION, ENVIRONMENTS.VALIDATION,
                ENVIRONMENTS.VERSION, ENVIRONMENTS.CREATED_AT, ENVIRONMENTS.UPDATED_AT).from(ENVIRONMENTS)
                .orderBy(ENVIRONMENTS.NAME).limit(limit).offset(offset).fetch(EnvironmentRepository::map);
    }

    public long count(DSLContext tx) {
        return tx.fetchCount(ENVIRONMENTS);
    }

    public Optional<Environment> findByOrgId(DSLContext tx, long orgId) {
        return tx.select(ENVIRONMENTS.NAME, ENVIRONMENTS.ORG_ID, ENVIRONMENTS.DESCRIPTION, ENVIRONMENTS.VALIDATION,
                ENVIRONMENTS.VERSION, ENVIRONMENTS.CREATED_AT, ENVIRONMENTS.UPDATED_AT).from(ENVIRONMENTS)
                .where(ENVIRONMENTS.ORG_ID.eq(orgId)).fetchOptional().map(EnvironmentRepository::map);
    }

    public boolean orgIdTaken(DSLContext tx, long orgId) {
        return tx.fetchExists(ENVIRONMENTS, ENVIRONMENTS.ORG_ID.eq(orgId));
    }

    /** Inserts; an org id of 0 becomes the next free one (one more than the highest). Returns what was stored. */
    public Environment insert(DSLContext tx, Environment e) {
        long orgId = e.orgId() > 0 ? e.orgId()
                : tx.select(DSL.coalesce(DSL.max(ENVIRONMENTS.ORG_ID), 0L)).from(ENVIRONMENTS)
                .fetchSingle().value1() + 1;
        Environment stored = new Environment(e.name(), orgId, e.description(), e.validation(), e.version(),
                e.createdAt(), e.updatedAt());
        tx.insertInto(ENVIRONMENTS, ENVIRONMENTS.NAME, ENVIRONMENTS.ORG_ID, ENVIRONMENTS.DESCRIPTION,
                ENVIRONMENTS.VALIDATION, ENVIRONMENTS.VERSION, ENVIRONMENTS.CREATED_AT, ENVIRONMENTS.UPDATED_AT)
                .values(e.name(), orgId, e.description(), e.validation(), e.version(), e.createdAt(), e.updatedAt())
                .execute();
        return stored;
    }

    /** Rewrites the description and validation mode with the version and timestamp of {@code e}. */
    public void update(DSLContext tx, Environment e) {
        int rows = tx.update(ENVIRONMENTS).set(ENVIRONMENTS.DESCRIPTION, e.description())
                .set(ENVIRONMENTS.VALIDATION, e.validation())
                .set(ENVIRONMENTS.VERSION, e.version()).set(ENVIRONMENTS.UPDATED_AT, e.updatedAt())
                .where(ENVIRONMENTS.NAME.eq(e.name()).and(ENVIRONMENTS.VERSION.eq(e.version() - 1))).execute();
        Versions.applied(rows, tx, ENVIRONMENTS, ENVIRONMENTS.NAME.eq(e.name()), e.version() - 1,
                "environment '" + e.name() + "'");
    }

    /** The validation mode of an environment (strict when it does not exist; callers check existence). */
    public ValidationMode validationMode(DSLContext tx, String name) {
        String stored = PreparedSql.first(tx, "select validation from environments where name = ?",
                st -> st.setString(1, name), row -> row.getString(1));
        ValidationMode mode = ValidationMode.parse(stored);
        return mode == null ? ValidationMode.STRICT : mode;
    }

    /** Deletes the environment; returns the row it removed (none when there was none). */
    public List<StoredRow> delete(DSLContext tx, String name) {
        List<StoredRow> removed = row(tx, name).stream().toList();

        tx.deleteFrom(ENVIRONMENTS).where(ENVIRONMENTS.NAME.eq(name)).execute();
        return removed;
    }

    /** The stored row of the environment, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String name) {
        return StoredRow.read(tx, ENVIRONMENTS, ENVIRONMENTS.NAME.eq(name), name, KIND, name);
    }

    /** Number of objects of any kind in the environment. */
    public long contentCount(DSLContext tx, String name) {
        long n = 0;
        for (TableField<?, String> env : List.of(DATASOURCES.ENV, FOLDERS.ENV, DASHBOARDS.ENV, CONTACT_POINTS.ENV,
                NOTIFICATION_POLICIES.ENV, NOTIFICATION_ROUTES.ENV, MUTE_TIMINGS.ENV, MESSAGE_TEMPLATES.ENV)) {
            n += tx.fetchCount(DSL.selectOne().from(env.getTable()).where(env.eq(name)));
        }
        return n;
    }

    private static Environment map(Record r) {
        return new Environment(r.get(ENVIRONMENTS.NAME), r.get(ENVIRONMENTS.ORG_ID), r.get(ENVIRONMENTS.DESCRIPTION),
                r.get(ENVIRONMENTS.VALIDATION), r.get(ENVIRONMENTS.VERSION),
                r.get(ENVIRONMENTS.CREATED_AT), r.get(ENVIRONMENTS.UPDATED_AT));
    }
}
