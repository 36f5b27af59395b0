package io.dashplane.server.provenance;

import static io.dashplane.server.storage.schema.Tables.ALERT_RULES;
import static io.dashplane.server.storage.schema.Tables.DASHBOARDS;
import static io.dashplane.server.storage.schema.Tables.PROVISIONED_OBJECTS;

import io.dashplane.server.errors.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Provenance of objects loaded from provisioning files (table {@code provisioned_objects}): which file an object
 * comes from and whether it may still be changed through the API. Objects without a row are the API's.
 */
public final class ProvisionedObjects {

    /** One provisioned object. */
    public record Entry(String env, String kind, String uid, String file, boolean allowUiUpdates,
                        boolean disableDeletion) {
    }

    public Optional<Entry> find(DSLContext tx, String env, String kind, String uid) {
        return tx.select(PROVISIONED_OBJECTS.ENV, PROVISIONED_OBJECTS.KIND, PROVISIONED_OBJECTS.UID,
                PROVISIONED_OBJECTS.FILE, PROVISIONED_OBJECTS.ALLOW_UI_UPDATES, PROVISIONED_OBJECTS.DISABLE_DELETION)
                .from(PROVISIONED_OBJECTS)
                .where(PROVISIONED_OBJECTS.ENV.eq(env).and(PROVISIONED_OBJECTS.KIND.eq(kind))
                .and(PROVISIONED_OBJECTS.UID.eq(uid))).fetchOptional().map(r -> new Entry(
                        r.get(PROVISIONED_OBJECTS.ENV), r.get(PROVISIONED_OBJECTS.KIND), r.get(PROVISIONED_OBJECTS.UID),
                        r.get(PROVISIONED_OBJECTS.FILE),
                        Boolean.TRUE.equals(r.get(PROVISIONED_OBJECTS.ALLOW_UI_UPDATES)),
                        Boolean.TRUE.equals(r.get(PROVISIONED_OBJECTS.DISABLE_DELETION))));
    }

    public List<Entry> list(DSLContext tx) {
        return tx.select(PROVISIONED_OBJECTS.ENV, PROVISIONED_OBJECTS.KIND, PROVISIONED_OBJECTS.UID,
                PROVISIONED_OBJECTS.FILE, PROVISIONED_OBJECTS.ALLOW_UI_UPDATES, PROVISIONED_OBJECTS.DISABLE_DELETION)
                .from(PROVISIONED_OBJECTS)
                .orderBy(PROVISIONED_OBJECTS.ENV, PROVISIONED_OBJECTS.KIND, PROVISIONED_OBJECTS.UID)
                .fetch(r -> new Entry(r.get(PROVISIONED_OBJECTS.ENV), r.get(PROVISIONED_OBJECTS.KIND),
                        r.get(PROVISIONED_OBJECTS.UID), r.get(PROVISIONED_OBJECTS.FILE),
                        Boolean.TRUE.equals(r.get(PROVISIONED_OBJECTS.ALLOW_UI_UPDATES)),
                        Boolean.TRUE.equals(r.get(PROVISIONED_OBJECTS.DISABLE_DELETION))));
    }

    public void put(DSLContext tx, Entry e) {
        if (find(tx, e.env(), e.kind(), e.uid()).filter(e::equals).isPresent()) {
            return;
        }
        remove(tx, e.env(), e.kind(), e.uid());
        tx.insertInto(PROVISIONED_OBJECTS).set(PROVISIONED_OBJECTS.ENV, e.env()).set(PROVISIONED_OBJECTS.KIND, e.kind())
                .set(PROVISIONED_OBJECTS.UID, e.uid()).set(PROVISIONED_OBJECTS.FILE, e.file())
                .set(PROVISIONED_OBJECTS.ALLOW_UI_UPDATES, e.allowUiUpdates())
                .set(PROVISIONED_OBJECTS.DISABLE_DELETION, e.disableDeletion()).execute();
    }

    public void remove(DSLContext tx, String env, String kind, String uid) {
        tx.deleteFrom(PROVISIONED_OBJECTS).where(PROVISIONED_OBJECTS.ENV.eq(env).and(PROVISIONED_OBJECTS.KIND.eq(kind))
                .and(PROVISIONED_OBJECTS.UID.eq(uid))).execute();
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
        firstReadOnly(tx, env, "dashboard", PROVISIONED_OBJECTS.UID.in(org.jooq.impl.DSL.select(DASHBOARDS.UID)
                .from(DASHBOARDS).where(DASHBOARDS.ENV.eq(env).and(DASHBOARDS.FOLDER_UID.in(folderUids)))));
        firstReadOnly(tx, env, "alert-rule", PROVISIONED_OBJECTS.UID.in(org.jooq.impl.DSL.select(ALERT_RULES.UID)
                .from(ALERT_RULES).where(ALERT_RULES.ENV.eq(env).and(ALERT_RULES.FOLDER_UID.in(folderUids)))));
        for (String folderUid : folderUids) {
            firstReadOnly(tx, env, "rule-group", PROVISIONED_OBJECTS.UID.startsWith(folderUid + "/"));
        }
    }

    private void firstReadOnly(DSLContext tx, String env, String kind, org.jooq.Condition which) {
        tx.select(PROVISIONED_OBJECTS.ENV, PROVISIONED_OBJECTS.KIND, PROVISIONED_OBJECTS.UID, PROVISIONED_OBJECTS.FILE,
                PROVISIONED_OBJECTS.ALLOW_UI_UPDATES, PROVISIONED_OBJECTS.DISABLE_DELETION).from(PROVISIONED_OBJECTS)
                .where(PROVISIONED_OBJECTS.ENV.eq(env).and(PROVISIONED_OBJECTS.KIND.eq(kind)).and(which)
                .and(PROVISIONED_OBJECTS.ALLOW_UI_UPDATES.isFalse())).limit(1)
                .fetchOptional().ifPresent(r -> {
                    throw readOnly(new Entry(r.get(PROVISIONED_OBJECTS.ENV), r.get(PROVISIONED_OBJECTS.KIND),
                            r.get(PROVISIONED_OBJECTS.UID), r.get(PROVISIONED_OBJECTS.FILE), false,
                            Boolean.TRUE.equals(r.get(PROVISIONED_OBJECTS.DISABLE_DELETION))));
                });
    }

    static DomainException readOnly(Entry e) {
        return DomainException.conflict(e.kind() + " '" + e.uid() + "' in environment '" + e.env()
                + "' is provisioned from file " + e.file() + " and cannot be changed through the API; edit that file"
                + " and reload provisioning (POST /api/v1/admin/provisioning/reload or restart the server)",
                Map.of("provenance", "file", "file", e.file()));
    }
}
