package io.dashplane.server.sync;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.bool;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.audit.AuditLog;
import io.dashplane.server.storage.JsonText;
import io.dashplane.server.storage.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for sync targets. {@code sealedToken} is the SecretBox output, never the token. */
final class TargetRepository {
    static final String KIND = "sync-target";
    static final Table<?> TARGETS = table("sync_targets");
    static final Field<String> ENV = text("env");
    static final Field<String> NAME = text("name");
    private static final Field<String> URL = text("url");
    private static final Field<String> TOKEN = text("token_secret");
    private static final Field<Long> ORG_ID = bigint("org_id");
    private static final Field<Boolean> TLS_INSECURE = bool("tls_insecure");
    private static final Field<String> TLS_CA = text("tls_ca");
    private static final Field<String> FOLDERS = text("folders");
    private static final Field<String> INTERVAL = text("resync_interval");
    private static final Field<Boolean> EDITABLE = bool("editable");
    private static final Field<Boolean> ADOPT = bool("adopt");
    private static final Field<String> DRIFT = text("drift");
    private static final Field<Boolean> ENABLED = bool("enabled");
    private static final Field<Long> VERSION = bigint("version");
    private static final Field<String> CREATED_AT = text("created_at");
    private static final Field<String> UPDATED_AT = text("updated_at");
    private static final List<Field<?>> COLUMNS = List.of(NAME, URL, TOKEN, ORG_ID, TLS_INSECURE, TLS_CA, FOLDERS,
            INTERVAL, EDITABLE, ADOPT, DRIFT, ENABLED, VERSION, CREATED_AT, UPDATED_AT);

    private final JsonText json;

    TargetRepository(JsonText json) {
        this.json = json;
    }

    Optional<SyncTarget> find(DSLContext tx, String env, String name) {
        return tx.select(COLUMNS).from(TARGETS).where(ENV.eq(env).and(NAME.eq(name))).fetchOptional().map(this::map);
    }

    List<SyncTarget> list(DSLContext tx, String env) {
        return tx.select(COLUMNS).from(TARGETS).where(ENV.eq(env)).orderBy(NAME).fetch(this::map);
    }

    /** Every target of every environment: env to targets. */
    Map<String, List<SyncTarget>> all(DSLContext tx) {
        Map<String, List<SyncTarget>> out = new LinkedHashMap<>();
        for (Record r : tx.select(ENV).select(COLUMNS).from(TARGETS).orderBy(ENV, NAME).fetch()) {
            out.computeIfAbsent(r.get(ENV), e -> new java.util.ArrayList<>()).add(map(r));
        }
        return out;
    }

    Optional<String> sealedToken(DSLContext tx, String env, String name) {
        return tx.select(TOKEN).from(TARGETS).where(ENV.eq(env).and(NAME.eq(name))).fetchOptional(TOKEN);
    }

    void insert(DSLContext tx, String env, SyncTarget t, String sealedToken) {
        tx.insertInto(TARGETS).set(ENV, env).set(NAME, t.name()).set(values(t, sealedToken))
                .set(CREATED_AT, t.createdAt()).execute();
        AuditLog.recordRow(tx, env, KIND, t.name(), TARGETS, ENV.eq(env).and(NAME.eq(t.name())), true);
    }

    void update(DSLContext tx, String env, SyncTarget t, String sealedToken) {
        int rows = tx.update(TARGETS).set(values(t, sealedToken))
                .where(ENV.eq(env).and(NAME.eq(t.name())).and(VERSION.eq(t.version() - 1))).execute();
        Versions.applied(rows, tx, TARGETS, ENV.eq(env).and(NAME.eq(t.name())), t.version() - 1,
                "sync target '" + t.name() + "'");
        AuditLog.recordRow(tx, env, KIND, t.name(), TARGETS, ENV.eq(env).and(NAME.eq(t.name())), false);
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    void delete(DSLContext tx, String env, String name, long version) {
        AuditLog.recordDelete(tx, env, KIND, name, TARGETS, ENV.eq(env).and(NAME.eq(name)));
        int rows = tx.deleteFrom(TARGETS).where(ENV.eq(env).and(NAME.eq(name)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, TARGETS, ENV.eq(env).and(NAME.eq(name)), version, "sync target '" + name + "'");
    }

    private Map<Field<?>, Object> values(SyncTarget t, String sealedToken) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(URL, t.url());
        v.put(TOKEN, sealedToken);
        v.put(ORG_ID, t.orgId());
        v.put(TLS_INSECURE, t.tls().skipVerify());
        v.put(TLS_CA, t.tls().caCertificate());
        v.put(FOLDERS, t.folders() == null ? null : json.write(t.folders()));
        v.put(INTERVAL, t.resyncInterval());
        v.put(EDITABLE, t.editable());
        v.put(ADOPT, t.adopt());
        v.put(DRIFT, t.drift());
        v.put(ENABLED, t.enabled());
        v.put(VERSION, t.version());
        v.put(UPDATED_AT, t.updatedAt());
        return v;
    }

    private SyncTarget map(Record r) {
        String folders = r.get(FOLDERS);
        return new SyncTarget(r.get(NAME), r.get(URL), r.get(TOKEN) != null, r.get(ORG_ID),
                new TlsOptions(Boolean.TRUE.equals(r.get(TLS_INSECURE)), r.get(TLS_CA)),
                folders == null ? null : json.readStrings(folders), r.get(INTERVAL),
                Boolean.TRUE.equals(r.get(EDITABLE)), Boolean.TRUE.equals(r.get(ADOPT)), r.get(DRIFT),
                Boolean.TRUE.equals(r.get(ENABLED)), r.get(VERSION), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
