package io.dashplane.server.folder;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.storage.Versions;
import java.util.ArrayList;
import io.dashplane.server.storage.IdSequence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for folders. */
public final class FolderRepository {
    public static final String KIND = "folder";
    static final Table<?> FOLDERS = table("folders");
    static final Field<String> ENV = text("env");
    static final Field<String> UID = text("uid");
    static final Field<Long> ID = bigint("id");
    static final Field<String> TITLE = text("title");
    static final Field<String> PARENT_UID = text("parent_uid");
    static final Field<Long> VERSION = bigint("version");
    static final Field<String> CREATED_AT = text("created_at");
    static final Field<String> UPDATED_AT = text("updated_at");

    public Optional<Folder> find(DSLContext tx, String env, String uid) {
        return tx.select(UID, TITLE, PARENT_UID, VERSION, CREATED_AT, UPDATED_AT).from(FOLDERS)
                .where(ENV.eq(env).and(UID.eq(uid))).fetchOptional().map(FolderRepository::map);
    }

    public boolean exists(DSLContext tx, String env, String uid) {
        return tx.fetchExists(FOLDERS, ENV.eq(env).and(UID.eq(uid)));
    }

    /** {@code parentFilter} null: all folders; empty: root folders; else children of that folder. */
    public List<Folder> list(DSLContext tx, String env, String parentFilter, int offset, int limit) {
        return tx.select(UID, TITLE, PARENT_UID, VERSION, CREATED_AT, UPDATED_AT).from(FOLDERS)
                .where(filter(env, parentFilter)).orderBy(TITLE, UID).limit(limit).offset(offset)
                .fetch(FolderRepository::map);
    }

    public long count(DSLContext tx, String env, String parentFilter) {
        return tx.fetchCount(FOLDERS, filter(env, parentFilter));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(FOLDERS);
    }

    public List<String> childUids(DSLContext tx, String env, String uid) {
        return tx.select(UID).from(FOLDERS).where(ENV.eq(env).and(PARENT_UID.eq(uid))).fetch(UID);
    }

    /** Uid of a sibling (same parent) with this title, other than {@code uid}. */
    public Optional<String> siblingWithTitle(DSLContext tx, String env, String parentUid, String title, String uid) {
        Condition parent = parentUid == null ? PARENT_UID.isNull() : PARENT_UID.eq(parentUid);
        return tx.select(UID).from(FOLDERS).where(ENV.eq(env).and(parent).and(TITLE.eq(title)).and(UID.ne(uid)))
                .limit(1).fetchOptional(UID);
    }

    /** The chain of ancestors of {@code uid}, nearest first (stops on a missing link or after {@code max}). */
    public List<String> ancestors(DSLContext tx, String env, String uid, int max) {
        List<String> chain = new ArrayList<>();
        String current = uid;
        while (chain.size() < max) {
            String parent = tx.select(PARENT_UID).from(FOLDERS).where(ENV.eq(env).and(UID.eq(current)))
                    .fetchOptional(PARENT_UID).orElse(null);
            if (parent == null) {
                break;
            }
            chain.add(parent);
            current = parent;
        }
        return chain;
    }

    public void insert(DSLContext tx, String env, Folder f) {
        tx.insertInto(FOLDERS, ENV, UID, ID, TITLE, PARENT_UID, VERSION, CREATED_AT, UPDATED_AT)
                .values(env, f.uid(), IdSequence.next(tx, KIND), f.title(), f.parentUid(), f.version(), f.createdAt(),
                        f.updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, KIND, f.uid(), FOLDERS, ENV.eq(env).and(UID.eq(f.uid())), true);
    }

    public void update(DSLContext tx, String env, Folder f) {
        int rows = tx.update(FOLDERS).set(TITLE, f.title()).set(PARENT_UID, f.parentUid()).set(VERSION, f.version())
                .set(UPDATED_AT, f.updatedAt())
                .where(ENV.eq(env).and(UID.eq(f.uid())).and(VERSION.eq(f.version() - 1))).execute();
        Versions.applied(rows, tx, FOLDERS, ENV.eq(env).and(UID.eq(f.uid())), f.version() - 1,
                "folder '" + f.uid() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, KIND, f.uid(), FOLDERS, ENV.eq(env).and(UID.eq(f.uid())), false);
    }

    /**
     * Deletes the folder; the schema cascades to sub-folders, their dashboards, rule groups and alert rules. Each
     * object the cascade takes is recorded as deleted (audit log and change feed), innermost first.
     */
    public void delete(DSLContext tx, String env, String uid) {
        delete(tx, env, uid, null);
    }

    /** As {@link #delete(DSLContext, String, String)}, only while the folder is at {@code version} (409 otherwise). */
    public void delete(DSLContext tx, String env, String uid, long version) {
        delete(tx, env, uid, Long.valueOf(version));
    }

    private void delete(DSLContext tx, String env, String uid, Long version) {
        List<String> subtree = new ArrayList<>(List.of(uid));
        for (int i = 0; i < subtree.size(); i++) {
            subtree.addAll(tx.select(UID).from(FOLDERS).where(ENV.eq(env).and(PARENT_UID.eq(subtree.get(i))))
                    .orderBy(UID).fetch(UID));
        }
        java.util.Collections.reverse(subtree);
        for (String folder : subtree) {
            recordCascade(tx, env, "dashboard", table("dashboards"), folder);
            recordCascade(tx, env, "alert-rule", table("alert_rules"), folder);
            for (String group : tx.select(text("name")).from(table("alert_rule_groups"))
                    .where(ENV.eq(env).and(text("folder_uid").eq(folder))).orderBy(text("name")).fetch(text("name"))) {
                io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "rule-group", folder + "/" + group,
                        table("alert_rule_groups"), ENV.eq(env).and(text("folder_uid").eq(folder)).and(text("name").eq(group)));
            }
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, KIND, folder, FOLDERS, ENV.eq(env).and(UID.eq(folder)));
        }
        if (version == null) {
            tx.deleteFrom(FOLDERS).where(ENV.eq(env).and(UID.eq(uid))).execute();
            return;
        }
        int rows = tx.deleteFrom(FOLDERS).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, FOLDERS, ENV.eq(env).and(UID.eq(uid)), version, "folder '" + uid + "'");
    }

    private static void recordCascade(DSLContext tx, String env, String kind, Table<?> table, String folder) {
        Condition inFolder = ENV.eq(env).and(text("folder_uid").eq(folder));
        for (String uid : tx.select(UID).from(table).where(inFolder).orderBy(UID).fetch(UID)) {
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, kind, uid, table, ENV.eq(env).and(UID.eq(uid)));
        }
    }

    /** The numeric (Grafana) id of each folder of the environment, by uid. */
    public Map<String, Long> ids(DSLContext tx, String env) {
        return tx.select(UID, ID).from(FOLDERS).where(ENV.eq(env)).fetchMap(UID, ID);
    }

    public Optional<String> uidById(DSLContext tx, String env, long id) {
        return tx.select(UID).from(FOLDERS).where(ENV.eq(env).and(ID.eq(id))).fetchOptional(UID);
    }

    private static Condition filter(String env, String parentFilter) {
        Condition c = ENV.eq(env);
        if (parentFilter == null) {
            return c;
        }
        return parentFilter.isEmpty() ? c.and(PARENT_UID.isNull()) : c.and(PARENT_UID.eq(parentFilter));
    }

    private static Folder map(Record r) {
        return new Folder(r.get(UID), r.get(TITLE), r.get(PARENT_UID), r.get(VERSION), r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
