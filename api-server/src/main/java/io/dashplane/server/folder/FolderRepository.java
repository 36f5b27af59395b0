package io.dashplane.server.folder;

import static io.dashplane.server.storage.schema.Tables.ALERT_RULES;
import static io.dashplane.server.storage.schema.Tables.ALERT_RULE_GROUPS;
import static io.dashplane.server.storage.schema.Tables.DASHBOARDS;
import static io.dashplane.server.storage.schema.Tables.FOLDERS;

import io.dashplane.server.storage.StoredRow;
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

    public Optional<Folder> find(DSLContext tx, String env, String uid) {
        return tx.select(FOLDERS.UID, FOLDERS.TITLE, FOLDERS.PARENT_UID, FOLDERS.VERSION, FOLDERS.CREATED_AT,
                FOLDERS.UPDATED_AT).from(FOLDERS)
                .where(FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(uid))).fetchOptional().map(FolderRepository::map);
    }

    public boolean exists(DSLContext tx, String env, String uid) {
        return tx.fetchExists(FOLDERS, FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(uid)));
    }

    /** {@code parentFilter} null: all folders; empty: root folders; else children of that folder. */
    public List<Folder> list(DSLContext tx, String env, String parentFilter, int offset, int limit) {
        return tx.select(FOLDERS.UID, FOLDERS.TITLE, FOLDERS.PARENT_UID, FOLDERS.VERSION, FOLDERS.CREATED_AT,
                FOLDERS.UPDATED_AT).from(FOLDERS)
                .where(filter(env, parentFilter)).orderBy(FOLDERS.TITLE, FOLDERS.UID).limit(limit).offset(offset)
                .fetch(FolderRepository::map);
    }

    public long count(DSLContext tx, String env, String parentFilter) {
        return tx.fetchCount(FOLDERS, filter(env, parentFilter));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(FOLDERS);
    }

    public List<String> childUids(DSLContext tx, String env, String uid) {
        return tx.select(FOLDERS.UID).from(FOLDERS).where(FOLDERS.ENV.eq(env).and(FOLDERS.PARENT_UID.eq(uid)))
                .fetch(FOLDERS.UID);
    }

    /** Uid of a sibling (same parent) with this title, other than {@code uid}. */
    public Optional<String> siblingWithTitle(DSLContext tx, String env, String parentUid, String title, String uid) {
        Condition parent = parentUid == null ? FOLDERS.PARENT_UID.isNull() : FOLDERS.PARENT_UID.eq(parentUid);
        return tx.select(FOLDERS.UID).from(FOLDERS).where(FOLDERS.ENV.eq(env).and(parent).and(FOLDERS.TITLE.eq(title))
                .and(FOLDERS.UID.ne(uid)))
                .limit(1).fetchOptional(FOLDERS.UID);
    }

    /** The chain of ancestors of {@code uid}, nearest first (stops on a missing link or after {@code max}). */
    public List<String> ancestors(DSLContext tx, String env, String uid, int max) {
        List<String> chain = new ArrayList<>();
        String current = uid;
        while (chain.size() < max) {
            String parent = tx.select(FOLDERS.PARENT_UID).from(FOLDERS)
                    .where(FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(current)))
                    .fetchOptional(FOLDERS.PARENT_UID).orElse(null);
            if (parent == null) {
                break;
            }
            chain.add(parent);
            current = parent;
        }
        return chain;
    }

    public void insert(DSLContext tx, String env, Folder f) {
        tx.insertInto(FOLDERS, FOLDERS.ENV, FOLDERS.UID, FOLDERS.ID, FOLDERS.TITLE, FOLDERS.PARENT_UID, FOLDERS.VERSION,
                FOLDERS.CREATED_AT, FOLDERS.UPDATED_AT)
                .values(env, f.uid(), IdSequence.next(tx, KIND), f.title(), f.parentUid(), f.version(), f.createdAt(),
                        f.updatedAt()).execute();
    }

    public void update(DSLContext tx, String env, Folder f) {
        int rows = tx.update(FOLDERS).set(FOLDERS.TITLE, f.title()).set(FOLDERS.PARENT_UID, f.parentUid())
                .set(FOLDERS.VERSION, f.version())
                .set(FOLDERS.UPDATED_AT, f.updatedAt())
                .where(FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(f.uid())).and(FOLDERS.VERSION.eq(f.version() - 1)))
                .execute();
        Versions.applied(rows, tx, FOLDERS, FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(f.uid())), f.version() - 1,
                "folder '" + f.uid() + "'");
    }

    /**
     * Deletes the folder; the schema cascades to sub-folders, their dashboards, rule groups and alert rules. Returns
     * the row of each object the cascade takes, innermost first, as it was before the delete.
     */
    public List<StoredRow> delete(DSLContext tx, String env, String uid) {
        return delete(tx, env, uid, null);
    }

    /** As {@link #delete(DSLContext, String, String)}, only while the folder is at {@code version} (409 otherwise). */
    public List<StoredRow> delete(DSLContext tx, String env, String uid, long version) {
        return delete(tx, env, uid, Long.valueOf(version));
    }

    private List<StoredRow> delete(DSLContext tx, String env, String uid, Long version) {
        List<String> subtree = new ArrayList<>(List.of(uid));
        for (int i = 0; i < subtree.size(); i++) {
            subtree.addAll(tx.select(FOLDERS.UID).from(FOLDERS).where(FOLDERS.ENV.eq(env)
                    .and(FOLDERS.PARENT_UID.eq(subtree.get(i))))
                    .orderBy(FOLDERS.UID).fetch(FOLDERS.UID));
        }
        java.util.Collections.reverse(subtree);
        List<StoredRow> removed = new ArrayList<>();
        for (String folder : subtree) {
            cascade(tx, env, "dashboard", DASHBOARDS, DASHBOARDS.ENV, DASHBOARDS.FOLDER_UID, DASHBOARDS.UID, folder,
                    removed);
            cascade(tx, env, "alert-rule", ALERT_RULES, ALERT_RULES.ENV, ALERT_RULES.FOLDER_UID, ALERT_RULES.UID,
                    folder, removed);
            Condition groupsInFolder = ALERT_RULE_GROUPS.ENV.eq(env).and(ALERT_RULE_GROUPS.FOLDER_UID.eq(folder));
            for (String group : tx.select(ALERT_RULE_GROUPS.NAME).from(ALERT_RULE_GROUPS).where(groupsInFolder)
                    .orderBy(ALERT_RULE_GROUPS.NAME).fetch(ALERT_RULE_GROUPS.NAME)) {
                StoredRow.read(tx, ALERT_RULE_GROUPS, groupsInFolder.and(ALERT_RULE_GROUPS.NAME.eq(group)), env,
                        "rule-group", folder + "/" + group).ifPresent(removed::add);
            }
            StoredRow.read(tx, FOLDERS, FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(folder)), env, KIND, folder)
                    .ifPresent(removed::add);
        }
        Condition key = FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(uid));
        if (version == null) {
            tx.deleteFrom(FOLDERS).where(key).execute();
            return removed;
        }
        int rows = tx.deleteFrom(FOLDERS).where(key.and(FOLDERS.VERSION.eq(version))).execute();
        Versions.applied(rows, tx, FOLDERS, key, version, "folder '" + uid + "'");
        return removed;
    }

    private static void cascade(DSLContext tx, String env, String kind, Table<?> table, Field<String> envColumn,
                                Field<String> folderColumn, Field<String> uidColumn, String folder,
                                List<StoredRow> removed) {
        Condition inFolder = envColumn.eq(env).and(folderColumn.eq(folder));
        for (String uid : tx.select(uidColumn).from(table).where(inFolder).orderBy(uidColumn).fetch(uidColumn)) {
            StoredRow.read(tx, table, envColumn.eq(env).and(uidColumn.eq(uid)), env, kind, uid).ifPresent(removed::add);
        }
    }

    /** The stored row of the folder, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String uid) {
        return StoredRow.read(tx, FOLDERS, FOLDERS.ENV.eq(env).and(FOLDERS.UID.eq(uid)), env, KIND, uid);
    }

    /** The numeric (Grafana) id of each folder of the environment, by uid. */
    public Map<String, Long> ids(DSLContext tx, String env) {
        return tx.select(FOLDERS.UID, FOLDERS.ID).from(FOLDERS).where(FOLDERS.ENV.eq(env))
                .fetchMap(FOLDERS.UID, FOLDERS.ID);
    }

    public Optional<String> uidById(DSLContext tx, String env, long id) {
        return tx.select(FOLDERS.UID).from(FOLDERS).where(FOLDERS.ENV.eq(env).and(FOLDERS.ID.eq(id)))
                .fetchOptional(FOLDERS.UID);
    }

    private static Condition filter(String env, String parentFilter) {
        Condition c = FOLDERS.ENV.eq(env);
        if (parentFilter == null) {
            return c;
        }
        return parentFilter.isEmpty() ? c.and(FOLDERS.PARENT_UID.isNull()) : c.and(FOLDERS.PARENT_UID.eq(parentFilter));
    }

    private static Folder map(Record r) {
        return new Folder(r.get(FOLDERS.UID), r.get(FOLDERS.TITLE), r.get(FOLDERS.PARENT_UID), r.get(FOLDERS.VERSION),
                r.get(FOLDERS.CREATED_AT),
                r.get(FOLDERS.UPDATED_AT));
    }
}
