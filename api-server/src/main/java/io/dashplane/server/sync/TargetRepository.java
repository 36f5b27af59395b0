package io.dashplane.server.sync;

import static io.dashplane.server.storage.schema.Tables.SYNC_TARGETS;

import io.dashplane.server.storage.JsonText;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** SQL for sync targets. {@code sealedToken} is the SecretBox output, never the token. */
final class TargetRepository {
    static final String KIND = "sync-target";
    private static final List<Field<?>> COLUMNS = List.of(SYNC_TARGETS.NAME, SYNC_TARGETS.URL,
            SYNC_TARGETS.TOKEN_SECRET, SYNC_TARGETS.ORG_ID, SYNC_TARGETS.TLS_INSECURE, SYNC_TARGETS.TLS_CA,
            SYNC_TARGETS.FOLDERS,
            SYNC_TARGETS.RESYNC_INTERVAL, SYNC_TARGETS.EDITABLE, SYNC_TARGETS.ADOPT, SYNC_TARGETS.DRIFT,
            SYNC_TARGETS.ENABLED, SYNC_TARGETS.VERSION, SYNC_TARGETS.CREATED_AT, SYNC_TARGETS.UPDATED_AT);

    private final JsonText json;

    TargetRepository(JsonText json) {
        this.json = json;
    }

    Optional<SyncTarget> find(DSLContext tx, String env, String name) {
        return tx.select(COLUMNS).from(SYNC_TARGETS).where(SYNC_TARGETS.ENV.eq(env).and(SYNC_TARGETS.NAME.eq(name)))
                .fetchOptional().map(this::map);
    }

    List<SyncTarget> list(DSLContext tx, String env) {
        return tx.select(COLUMNS).from(SYNC_TARGETS).where(SYNC_TARGETS.ENV.eq(env)).orderBy(SYNC_TARGETS.NAME)
                .fetch(this::map);
    }

    /** Every target of every environment: env to targets. */
    Map<String, List<SyncTarget>> all(DSLContext tx) {
        Map<String, List<SyncTarget>> out = new LinkedHashMap<>();
        for (Record r : tx.select(SYNC_TARGETS.ENV).select(COLUMNS).from(SYNC_TARGETS)
                .orderBy(SYNC_TARGETS.ENV, SYNC_TARGETS.NAME).fetch()) {
            out.computeIfAbsent(r.get(SYNC_TARGETS.ENV), e -> new java.util.ArrayList<>()).add(map(r));
        }
        return out;
    }

    Optional<String> sealedToken(DSLContext tx, String env, String name) {
        return tx.select(SYNC_TARGETS.TOKEN_SECRET).from(SYNC_TARGETS)
                .where(SYNC_TARGETS.ENV.eq(env).and(SYNC_TARGETS.NAME.eq(name)))
                .fetchOptional(SYNC_TARGETS.TOKEN_SECRET);
    }

    void insert(DSLContext tx, String env, SyncTarget t, String sealedToken) {
        tx.insertInto(SYNC_TARGETS).set(SYNC_TARGETS.ENV, env).set(SYNC_TARGETS.NAME, t.name())
                .set(values(t, sealedToken))
                .set(SYNC_TARGETS.CREATED_AT, t.createdAt()).execute();
    }

    void update(DSLContext tx, String env, SyncTarget t, String sealedToken) {
        int rows = tx.update(SYNC_TARGETS).set(values(t, sealedToken)).where(SYNC_TARGETS.ENV.eq(env)
                .and(SYNC_TARGETS.NAME.eq(t.name())).and(SYNC_TARGETS.VERSION.eq(t.version() - 1))).execute();
        Versions.applied(rows, tx, SYNC_TARGETS, SYNC_TARGETS.ENV.eq(env).and(SYNC_TARGETS.NAME.eq(t.name())),
                t.version() - 1, "sync target '" + t.name() + "'");
    }

    /**
     * Deletes the sync target only while it is at {@code version} (the version the delete was decided on): 409 when
     * another write changed it since, 404 when it is gone. Returns the row it removed.
     */
    List<StoredRow> delete(DSLContext tx, String env, String name, long version) {
        Condition key = SYNC_TARGETS.ENV.eq(env).and(SYNC_TARGETS.NAME.eq(name));
        return Versions.deleteAt(tx, SYNC_TARGETS, key, SYNC_TARGETS.VERSION, version, "sync target '" + name + "'",
                row(tx, env, name).stream().toList());
    }

    /** The stored row of the sync target, as the audit log records it. */
    Optional<StoredRow> row(DSLContext tx, String env, String name) {
        return StoredRow.read(tx, SYNC_TARGETS, SYNC_TARGETS.ENV.eq(env).and(SYNC_TARGETS.NAME.eq(name)), env, KIND, name);
    }

    private Map<Field<?>, Object> values(SyncTarget t, String sealedToken) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(SYNC_TARGETS.URL, t.url());
        v.put(SYNC_TARGETS.TOKEN_SECRET, sealedToken);
        v.put(SYNC_TARGETS.ORG_ID, t.orgId());
        v.put(SYNC_TARGETS.TLS_INSECURE, t.tls().skipVerify());
        v.put(SYNC_TARGETS.TLS_CA, t.tls().caCertificate());
        v.put(SYNC_TARGETS.FOLDERS, t.folders() == null ? null : json.write(t.folders()));
        v.put(SYNC_TARGETS.RESYNC_INTERVAL, t.resyncInterval());
        v.put(SYNC_TARGETS.EDITABLE, t.editable());
        v.put(SYNC_TARGETS.ADOPT, t.adopt());
        v.put(SYNC_TARGETS.DRIFT, t.drift());
        v.put(SYNC_TARGETS.ENABLED, t.enabled());
        v.put(SYNC_TARGETS.VERSION, t.version());
        v.put(SYNC_TARGETS.UPDATED_AT, t.updatedAt());
        return v;
    }

    private SyncTarget map(Record r) {
        String folders = r.get(SYNC_TARGETS.FOLDERS);
        return new SyncTarget(r.get(SYNC_TARGETS.NAME), r.get(SYNC_TARGETS.URL),
                r.get(SYNC_TARGETS.TOKEN_SECRET) != null, r.get(SYNC_TARGETS.ORG_ID),
                new TlsOptions(Boolean.TRUE.equals(r.get(SYNC_TARGETS.TLS_INSECURE)), r.get(SYNC_TARGETS.TLS_CA)),
                folders == null ? null : json.readStrings(folders), r.get(SYNC_TARGETS.RESYNC_INTERVAL),
                Boolean.TRUE.equals(r.get(SYNC_TARGETS.EDITABLE)), Boolean.TRUE.equals(r.get(SYNC_TARGETS.ADOPT)),
                r.get(SYNC_TARGETS.DRIFT),
                Boolean.TRUE.equals(r.get(SYNC_TARGETS.ENABLED)), r.get(SYNC_TARGETS.VERSION),
                r.get(SYNC_TARGETS.CREATED_AT), r.get(SYNC_TARGETS.UPDATED_AT));
    }
}
