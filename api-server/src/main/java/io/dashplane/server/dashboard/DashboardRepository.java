package io.dashplane.server.dashboard;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.storage.IdSequence;
import io.dashplane.server.storage.JsonText;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQL for dashboards, their tags and their version history. The JSON is stored as text exactly as
 * written; title, tags, folder and versions are columns beside it.
 */
public final class DashboardRepository {
    public static final String KIND = "dashboard";
    static final Table<?> DASHBOARDS = table("dashboards");
    static final Table<?> TAGS = table("dashboard_tags");
    static final Table<?> VERSIONS = table("dashboard_versions");
    static final Field<String> ENV = text("env");
    static final Field<String> UID = text("uid");
    static final Field<Long> ID = bigint("id");
    static final Field<String> TITLE = text("title");
    static final Field<String> TITLE_LOWER = text("title_lower");
    static final Field<String> FOLDER_UID = text("folder_uid");
    static final Field<String> TAGS_JSON = text("tags");
    static final Field<Long> VERSION = bigint("version");
    static final Field<String> MESSAGE = text("message");
    static final Field<String> PROVENANCE = text("provenance");
    static final Field<String> DATA = text("data");
    static final Field<String> CREATED_AT = text("created_at");
    static final Field<String> UPDATED_AT = text("updated_at");
    static final Field<String> TAG = text("tag");
    private static final List<Field<?>> META = List.of(UID, ID, TITLE, FOLDER_UID, TAGS_JSON, VERSION, MESSAGE,
            PROVENANCE, CREATED_AT, UPDATED_AT);

    private final JsonText json;
    private final DatasourceReferenceIndex references;

    public DashboardRepository(ObjectMapper mapper) {
        this.json = new JsonText(mapper);
        this.references = new DatasourceReferenceIndex(mapper);
    }

    public Optional<StoredDashboard> find(DSLContext tx, String env, String uid) {
        return tx.select(META).select(DATA).from(DASHBOARDS).where(ENV.eq(env).and(UID.eq(uid)))
                .fetchOptional().map(r -> map(r, r.get(DATA)));
    }

    /** Current version, or empty when the dashboard does not exist. */
    public Optional<Long> currentVersion(DSLContext tx, String env, String uid) {
        return tx.select(VERSION).from(DASHBOARDS).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional(VERSION);
    }

    public Optional<String> uidById(DSLContext tx, String env, long id) {
        return tx.select(UID).from(DASHBOARDS).where(ENV.eq(env).and(ID.eq(id))).fetchOptional(UID);
    }

    public Optional<Long> idOf(DSLContext tx, String env, String uid) {
        return tx.select(ID).from(DASHBOARDS).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional(ID);
    }

    public long nextId(DSLContext tx) {
        return IdSequence.next(tx, "dashboard");
    }

    public List<StoredDashboard> search(DSLContext tx, String env, DashboardQuery q, int offset, int limit) {
        return tx.select(META).from(DASHBOARDS).where(filter(env, q)).orderBy(TITLE_LOWER, TITLE, UID)
                .limit(limit).offset(offset).fetch(r -> map(r, null));
    }

    public long count(DSLContext tx, String env, DashboardQuery q) {
        return tx.fetchCount(DASHBOARDS, filter(env, q));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(DASHBOARDS);
    }

    public long countInFolder(DSLContext tx, String env, String folderUid) {
        return tx.fetchCount(DASHBOARDS, ENV.eq(env).and(FOLDER_UID.eq(folderUid)));
    }

    /** Inserts a new dashboard row with its tags and its first history entry. */
    public void insert(DSLContext tx, String env, StoredDashboard d) {
        tx.insertInto(DASHBOARDS, ENV, UID, ID, TITLE, TITLE_LOWER, FOLDER_UID, TAGS_JSON, VERSION, MESSAGE,
                        PROVENANCE, DATA, CREATED_AT, UPDATED_AT)
                .values(env, d.uid(), d.id(), d.title(), lower(d.title()), d.folderUid(), json.write(d.tags()), d.version(),
                        d.message(), d.provenance(), d.json(), d.createdAt(), d.updatedAt())
                .execute();
        insertTags(tx, env, d);
        insertVersion(tx, env, d);
        references.write(tx, env, d.uid(), d.json());
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, KIND, d.uid(), DASHBOARDS, ENV.eq(env).and(UID.eq(d.uid())), true);
    }

    /** Replaces the current row (new version), its tags, and appends a history entry. */
    public void update(DSLContext tx, String env, StoredDashboard d) {
        int rows = tx.update(DASHBOARDS)
                .set(TITLE, d.title()).set(TITLE_LOWER, lower(d.title())).set(FOLDER_UID, d.folderUid())
                .set(TAGS_JSON, json.write(d.tags())).set(VERSION, d.version()).set(MESSAGE, d.message())
                .set(PROVENANCE, d.provenance()).set(DATA, d.json()).set(UPDATED_AT, d.updatedAt())
                .where(ENV.eq(env).and(UID.eq(d.uid())).and(VERSION.eq(d.version() - 1)))
                .execute();
        Versions.applied(rows, tx, DASHBOARDS, ENV.eq(env).and(UID.eq(d.uid())), d.version() - 1,
                "dashboard '" + d.uid() + "'");
        tx.deleteFrom(TAGS).where(ENV.eq(env).and(UID.eq(d.uid()))).execute();
        insertTags(tx, env, d);
        insertVersion(tx, env, d);
        references.write(tx, env, d.uid(), d.json());
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, KIND, d.uid(), DASHBOARDS, ENV.eq(env).and(UID.eq(d.uid())), false);
    }

    /** Dashboards whose current version names a datasource by any of {@code refs} (its uid and its name). */
    public List<DatasourceReferrer> datasourceReferrers(DSLContext tx, String env, java.util.Collection<String> refs) {
        return references.referrers(tx, env, refs);
    }

    /** Deletes the dashboard; tags, datasource references and history go with it (ON DELETE CASCADE). */
    public void delete(DSLContext tx, String env, String uid) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, KIND, uid, DASHBOARDS, ENV.eq(env).and(UID.eq(uid)));
        tx.deleteFrom(DASHBOARDS).where(ENV.eq(env).and(UID.eq(uid))).execute();
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public void delete(DSLContext tx, String env, String uid, long version) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, KIND, uid, DASHBOARDS, ENV.eq(env).and(UID.eq(uid)));
        int rows = tx.deleteFrom(DASHBOARDS).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, DASHBOARDS, ENV.eq(env).and(UID.eq(uid)), version, "dashboard '" + uid + "'");
    }

    public List<DashboardVersion> versions(DSLContext tx, String env, String uid, int offset, int limit) {
        return tx.select(VERSION, FOLDER_UID, MESSAGE, CREATED_AT).from(VERSIONS)
                .where(ENV.eq(env).and(UID.eq(uid))).orderBy(VERSION.desc()).limit(limit).offset(offset)
                .fetch(r -> new DashboardVersion(r.get(VERSION), r.get(FOLDER_UID), r.get(MESSAGE), null,
                        r.get(CREATED_AT)));
    }

    public long countVersions(DSLContext tx, String env, String uid) {
        return tx.fetchCount(VERSIONS, ENV.eq(env).and(UID.eq(uid)));
    }

    public Optional<DashboardVersion> version(DSLContext tx, String env, String uid, long version) {
        return tx.select(VERSION, FOLDER_UID, MESSAGE, DATA, CREATED_AT).from(VERSIONS)
                .where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version))).fetchOptional()
                .map(r -> new DashboardVersion(r.get(VERSION), r.get(FOLDER_UID), r.get(MESSAGE), r.get(DATA),
                        r.get(CREATED_AT)));
    }

    private void insertTags(DSLContext tx, String env, StoredDashboard d) {
        for (String tag : d.tags().stream().distinct().toList()) {
            tx.insertInto(TAGS, ENV, UID, TAG).values(env, d.uid(), tag).execute();
        }
    }

    private void insertVersion(DSLContext tx, String env, StoredDashboard d) {
        tx.insertInto(VERSIONS, ENV, UID, VERSION, FOLDER_UID, MESSAGE, DATA, CREATED_AT)
                .values(env, d.uid(), d.version(), d.folderUid(), d.message(), d.json(), d.updatedAt())
                .execute();
    }

    private static Condition filter(String env, DashboardQuery q) {
        Condition c = ENV.eq(env);
        if (q.query() != null && !q.query().isEmpty()) {
            c = c.and(TITLE_LOWER.contains(lower(q.query())));
        }
        if (q.folderUid() != null) {
            c = c.and(q.folderUid().isEmpty() ? FOLDER_UID.isNull() : FOLDER_UID.eq(q.folderUid()));
        }
        Table<?> t = TAGS.as("t");
        Field<String> tEnv = DSL.field(DSL.name("t", "env"), String.class);
        Field<String> tUid = DSL.field(DSL.name("t", "uid"), String.class);
        Field<String> tTag = DSL.field(DSL.name("t", "tag"), String.class);
        Field<String> dEnv = DSL.field(DSL.name("dashboards", "env"), String.class);
        Field<String> dUid = DSL.field(DSL.name("dashboards", "uid"), String.class);
        for (String tag : q.tags()) {
            c = c.and(DSL.exists(DSL.selectOne().from(t).where(tEnv.eq(dEnv).and(tUid.eq(dUid)).and(tTag.eq(tag)))));
        }
        return c;
    }

    private StoredDashboard map(Record r, String data) {
        return new StoredDashboard(r.get(UID), r.get(ID), r.get(TITLE), r.get(FOLDER_UID), json.readStrings(r.get(TAGS_JSON)),
                r.get(VERSION), r.get(MESSAGE), r.get(PROVENANCE), data, r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
