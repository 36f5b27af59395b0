package io.dashplane.server.provenance;

import static io.dashplane.server.storage.Tables.bool;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.errors.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Provenance of objects loaded from provisioning files (table {@code provisioned_objects}): which file an object
 * comes from and whether it may still be changed through the API. Objects without a row are the API's.
 */
public final class ProvisionedObjects {
    static final Table<?> PROVISIONED = table("provisioned_objects");
    static final Field<String> ENV = text("env");
    static final Field<String> KIND = text("kind");
    static final Field<String> UID = text("uid");
    static final Field<String> FILE = text("file");
    static final Field<Boolean> ALLOW_UI_UPDATES = bool("allow_ui_updates");
    static final Field<Boolean> DISABLE_DELETION = bool("disable_deletion");

    /** One provisioned object. */
    public record Entry(String env, String kind, String uid, String file, boolean allowUiUpdates,
                        boolean disableDeletion) {
    }

    public Optional<Entry> find(DSLContext tx, String env, String kind, String uid) {
        return tx.select(ENV, KIND, UID, FILE, ALLOW_UI_UPDATES, DISABLE_DELETION).from(PROVISIONED)
                .where(ENV.eq(env).and(KIND.eq(kind)).and(UID.eq(uid))).fetchOptional().map(r -> new Entry(
                        r.get(ENV), r.get(KIND), r.get(UID), r.get(FILE), Boolean.TRUE.equals(r.get(ALLOW_UI_UPDATES)),
                        Boolean.TRUE.equals(r.get(DISABLE_DELETION))));
    }

    public List<Entry> list(DSLContext tx) {
        return tx.select(ENV, KIND, UID, FILE, ALLOW_UI_UPDATES, DISABLE_DELETION).from(PROVISIONED)
                .orderBy(ENV, KIND, UID).fetch(r -> new Entry(r.get(ENV), r.get(KIND), r.get(UID), r.get(FILE),
                        Boolean.TRUE.equals(r.get(ALLOW_UI_UPDATES)), Boolean.TRUE.equals(r.get(DISABLE_DELETION))));
    }

    public void put(DSLContext tx, Entry e) {
        if (find(tx, e.env(), e.kind(), e.uid()).filter(e::equals).isPresent()) {
            return;
        }
        remove(tx, e.env(), e.kind(), e.uid());
        tx.insertInto(PROVISIONED).set(ENV, e.env()).set(KIND, e.kind()).set(UID, e.uid()).set(FILE, e.file())
                .set(ALLOW_UI_UPDATES, e.allowUiUpdates()).set(DISABLE_DELETION, e.disableDeletion()).execute();
    }

    public void remove(DSLContext tx, String env, String kind, String uid) {
        tx.deleteFrom(PROVISIONED).where(ENV.eq(env).and(KIND.eq(kind)).and(UID.eq(uid))).execute();
    }

    /** Throws a 409-kind conflict naming the file when the object is provisioned and read-only through the API. */
    public void requireWritable(DSLContext tx, String env, String kind, String uid) {
        find(tx, env, kind, uid).filter(e -> !e.allowUiUpdates()).ifPresent(e -> {
            throw readOnly(e);
        });
    }

    /**
     * Throws a 409-kind conflict naming the file when one of the folders holds a dashboard, alert rule or rule group
     * that is provisioned and read-only (a forced folder delete would delete it).
     */
    public void requireFolderContentsWritable(DSLContext tx, String env, java.util.Collection<String> folderUids) {
        if (folderUids.isEmpty()) {
            return;
        }
        Field<String> folder = text("folder_uid");
        for (String[] kind : new String[][] {{"dashboard", "dashboards"}, {"alert-rule", "alert_rules"}}) {
            Table<?> objects = table(kind[1]);
            var inFolders = org.jooq.impl.DSL.select(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(kind[1], "uid"), String.class))
                    .from(objects).where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(kind[1], "env"), String.class).eq(env)
                            .and(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(kind[1], folder.getName()), String.class)
                                    .in(folderUids)));
            firstReadOnly(tx, env, kind[0], UID.in(inFolders));
        }
        for (String folderUid : folderUids) {
            firstReadOnly(tx, env, "rule-group", UID.startsWith(folderUid + "/"));
        }
    }

    private void firstReadOnly(DSLContext tx, String env, String kind, org.jooq.Condition which) {
        tx.select(ENV, KIND, UID, FILE, ALLOW_UI_UPDATES, DISABLE_DELETION).from(PROVISIONED)
                .where(ENV.eq(env).and(KIND.eq(kind)).and(which).and(ALLOW_UI_UPDATES.isFalse())).limit(1)
                .fetchOptional().ifPresent(r -> {
                    throw readOnly(new Entry(r.get(ENV), r.get(KIND), r.get(UID), r.get(FILE), false,
                            Boolean.TRUE.equals(r.get(DISABLE_DELETION))));
                });
    }

    static DomainException readOnly(Entry e) {
        return DomainException.conflict(e.kind() + " '" + e.uid() + "' in environment '" + e.env()
                + "' is provisioned from file " + e.file() + " and cannot be changed through the API; edit that file"
                + " and reload provisioning (POST /api/v1/admin/provisioning/reload or restart the server)",
                Map.of("provenance", "file", "file", e.file()));
    }
}
