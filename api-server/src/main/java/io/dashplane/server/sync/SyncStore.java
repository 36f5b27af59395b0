package io.dashplane.server.sync;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.storage.JsonText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for what reconcilers remember: managed objects, the last run of each target, and leases. */
final class SyncStore {
    private static final Table<?> OBJECTS = table("sync_objects");
    private static final Table<?> STATUS = table("sync_status");
    private static final Table<?> LEASES = table("sync_leases");
    private static final Field<String> ENV = text("env");
    private static final Field<String> TARGET = text("target");
    private static final Field<String> KIND = text("kind");
    private static final Field<String> UID = text("uid");
    private static final Field<String> TITLE = text("title");
    private static final Field<String> WRITTEN = text("written_hash");
    private static final Field<String> OBSERVED = text("observed_hash");
    private static final Field<String> OBSERVED_JSON = text("observed_json");
    private static final Field<String> STATE = text("state");
    private static final Field<Long> SYNCED_VERSION = bigint("synced_version");
    private static final Field<String> LAST_SYNC = text("last_sync_at");
    private static final Field<String> ERROR = text("error");
    private static final Field<String> DRIFT = text("drift");
    private static final Field<String> LAST_SUCCESS = text("last_success_at");
    private static final Field<String> LAST_ERROR = text("last_error");
    private static final Field<Long> SEQUENCE = bigint("synced_sequence");
    private static final Field<String> HOLDER = text("holder");
    private static final Field<String> EXPIRES = text("expires_at");

    /** A managed object as remembered. */
    record Managed(String kind, String uid, String title, String writtenHash, String observedHash,
                   JsonNode observed, String state, Long syncedVersion, String lastSyncAt, String error,
                   JsonNode drift) {
    }

    /** The last run of a target. */
    record Run(String state, String lastSyncAt, String lastSuccessAt, String lastError, long syncedSequence) {
    }

    private final JsonText json;

    SyncStore(JsonText json) {
        this.json = json;
    }

    List<Managed> managed(DSLContext tx, String env, String target) {
        return tx.select(KIND, UID, TITLE, WRITTEN, OBSERVED, OBSERVED_JSON, STATE, SYNCED_VERSION, LAST_SYNC, ERROR,
                        DRIFT).from(OBJECTS).where(ENV.eq(env).and(TARGET.eq(target))).orderBy(KIND, UID)
                .fetch(this::managed);
    }

    void save(DSLContext tx, String env, String target, Managed m) {
        tx.deleteFrom(OBJECTS).where(key(env, target, m.kind(), m.uid())).execute();
        tx.insertInto(OBJECTS).set(ENV, env).set(TARGET, target).set(KIND, m.kind()).set(UID, m.uid())
                .set(TITLE, m.title()).set(WRITTEN, m.writtenHash()).set(OBSERVED, m.observedHash())
                .set(OBSERVED_JSON, m.observed() == null ? null : m.observed().toString()).set(STATE, m.state())
                .set(SYNCED_VERSION, m.syncedVersion()).set(LAST_SYNC, m.lastSyncAt()).set(ERROR, m.error())
                .set(DRIFT, m.drift() == null ? null : m.drift().toString()).execute();
    }

    void forget(DSLContext tx, String env, String target, String kind, String uid) {
        tx.deleteFrom(OBJECTS).where(key(env, target, kind, uid)).execute();
    }

    Optional<Run> run(DSLContext tx, String env, String target) {
        return tx.select(STATE, LAST_SYNC, LAST_SUCCESS, LAST_ERROR, SEQUENCE).from(STATUS)
                .where(ENV.eq(env).and(TARGET.eq(target))).fetchOptional()
                .map(r -> new Run(r.get(STATE), r.get(LAST_SYNC), r.get(LAST_SUCCESS), r.get(LAST_ERROR),
                        r.get(SEQUENCE)));
    }

    void saveRun(DSLContext tx, String env, String target, Run run) {
        if (!tx.fetchExists(table("sync_targets"), ENV.eq(env).and(text("name").eq(target)))) {
            return; // deleted meanwhile
        }
        tx.deleteFrom(STATUS).where(ENV.eq(env).and(TARGET.eq(target))).execute();
        tx.insertInto(STATUS).set(ENV, env).set(TARGET, target).set(STATE, run.state())
                .set(LAST_SYNC, run.lastSyncAt()).set(LAST_SUCCESS, run.lastSuccessAt())
                .set(LAST_ERROR, run.lastError()).set(SEQUENCE, run.syncedSequence()).execute();
    }

    /**
     * Takes or renews the lease of a target for {@code holder} until {@code until}; false when another holder's
     * lease has not expired.
     */
    boolean lease(DSLContext tx, String env, String target, String holder, Instant now, Instant until) {
        Record r = tx.select(HOLDER, EXPIRES).from(LEASES).where(ENV.eq(env).and(TARGET.eq(target))).fetchOne();
        if (r != null && !r.get(HOLDER).equals(holder) && Instant.parse(r.get(EXPIRES)).isAfter(now)) {
            return false;
        }
        tx.deleteFrom(LEASES).where(ENV.eq(env).and(TARGET.eq(target))).execute();
        tx.insertInto(LEASES).set(ENV, env).set(TARGET, target).set(HOLDER, holder)
                .set(EXPIRES, until.toString()).execute();
        return true;
    }

    /** Extends this holder's lease; false when the holder does not hold it. */
    boolean renew(DSLContext tx, String env, String target, String holder, Instant until) {
        return tx.update(LEASES).set(EXPIRES, until.toString())
                .where(ENV.eq(env).and(TARGET.eq(target)).and(HOLDER.eq(holder))).execute() == 1;
    }

    void release(DSLContext tx, String env, String target, String holder) {
        tx.deleteFrom(LEASES).where(ENV.eq(env).and(TARGET.eq(target)).and(HOLDER.eq(holder))).execute();
    }

    private org.jooq.Condition key(String env, String target, String kind, String uid) {
        return ENV.eq(env).and(TARGET.eq(target)).and(KIND.eq(kind)).and(UID.eq(uid));
    }

    private Managed managed(Record r) {
        return new Managed(r.get(KIND), r.get(UID), r.get(TITLE), r.get(WRITTEN), r.get(OBSERVED),
                r.get(OBSERVED_JSON) == null ? null : json.readTree(r.get(OBSERVED_JSON)), r.get(STATE),
                r.get(SYNCED_VERSION), r.get(LAST_SYNC), r.get(ERROR),
                r.get(DRIFT) == null ? null : json.readTree(r.get(DRIFT)));
    }
}
