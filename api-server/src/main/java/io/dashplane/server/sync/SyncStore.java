package io.dashplane.server.sync;

import static io.dashplane.server.storage.schema.Tables.SYNC_LEASES;
import static io.dashplane.server.storage.schema.Tables.SYNC_OBJECTS;
import static io.dashplane.server.storage.schema.Tables.SYNC_STATUS;
import static io.dashplane.server.storage.schema.Tables.SYNC_TARGETS;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.storage.JsonText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for what reconcilers remember: managed objects, the last run of each target, and leases. */
final class SyncStore {

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
        return tx.select(SYNC_OBJECTS.KIND, SYNC_OBJECTS.UID, SYNC_OBJECTS.TITLE, SYNC_OBJECTS.WRITTEN_HASH,
                        SYNC_OBJECTS.OBSERVED_HASH, SYNC_OBJECTS.OBSERVED_JSON, SYNC_OBJECTS.STATE,
                        SYNC_OBJECTS.SYNCED_VERSION, SYNC_OBJECTS.LAST_SYNC_AT, SYNC_OBJECTS.ERROR, SYNC_OBJECTS.DRIFT)
                .from(SYNC_OBJECTS).where(SYNC_OBJECTS.ENV.eq(env).and(SYNC_OBJECTS.TARGET.eq(target)))
                .orderBy(SYNC_OBJECTS.KIND, SYNC_OBJECTS.UID)
                .fetch(this::managed);
    }

    void save(DSLContext tx, String env, String target, Managed m) {
        tx.deleteFrom(SYNC_OBJECTS).where(key(env, target, m.kind(), m.uid())).execute();
        tx.insertInto(SYNC_OBJECTS).set(SYNC_OBJECTS.ENV, env).set(SYNC_OBJECTS.TARGET, target)
                .set(SYNC_OBJECTS.KIND, m.kind()).set(SYNC_OBJECTS.UID, m.uid())
                .set(SYNC_OBJECTS.TITLE, m.title()).set(SYNC_OBJECTS.WRITTEN_HASH, m.writtenHash())
                .set(SYNC_OBJECTS.OBSERVED_HASH, m.observedHash())
                .set(SYNC_OBJECTS.OBSERVED_JSON, m.observed() == null ? null : m.observed().toString())
                .set(SYNC_OBJECTS.STATE, m.state())
                .set(SYNC_OBJECTS.SYNCED_VERSION, m.syncedVersion()).set(SYNC_OBJECTS.LAST_SYNC_AT, m.lastSyncAt())
                .set(SYNC_OBJECTS.ERROR, m.error())
                .set(SYNC_OBJECTS.DRIFT, m.drift() == null ? null : m.drift().toString()).execute();
    }

    void forget(DSLContext tx, String env, String target, String kind, String uid) {
        tx.deleteFrom(SYNC_OBJECTS).where(key(env, target, kind, uid)).execute();
    }

    Optional<Run> run(DSLContext tx, String env, String target) {
        return tx.select(SYNC_STATUS.STATE, SYNC_STATUS.LAST_SYNC_AT, SYNC_STATUS.LAST_SUCCESS_AT,
                SYNC_STATUS.LAST_ERROR, SYNC_STATUS.SYNCED_SEQUENCE).from(SYNC_STATUS)
                .where(SYNC_STATUS.ENV.eq(env).and(SYNC_STATUS.TARGET.eq(target))).fetchOptional()
                .map(r -> new Run(r.get(SYNC_STATUS.STATE), r.get(SYNC_STATUS.LAST_SYNC_AT),
                r.get(SYNC_STATUS.LAST_SUCCESS_AT), r.get(SYNC_STATUS.LAST_ERROR),
                        r.get(SYNC_STATUS.SYNCED_SEQUENCE)));
    }

    void saveRun(DSLContext tx, String env, String target, Run run) {
        if (!tx.fetchExists(SYNC_TARGETS, SYNC_TARGETS.ENV.eq(env).and(SYNC_TARGETS.NAME.eq(target)))) {
            return; // deleted meanwhile
        }
        tx.deleteFrom(SYNC_STATUS).where(SYNC_STATUS.ENV.eq(env).and(SYNC_STATUS.TARGET.eq(target))).execute();
        tx.insertInto(SYNC_STATUS).set(SYNC_STATUS.ENV, env).set(SYNC_STATUS.TARGET, target)
                .set(SYNC_STATUS.STATE, run.state())
                .set(SYNC_STATUS.LAST_SYNC_AT, run.lastSyncAt()).set(SYNC_STATUS.LAST_SUCCESS_AT, run.lastSuccessAt())
                .set(SYNC_STATUS.LAST_ERROR, run.lastError()).set(SYNC_STATUS.SYNCED_SEQUENCE, run.syncedSequence())
                .execute();
    }

    /**
     * Takes or renews the lease of a target for {@code holder} until {@code until}; false when another holder's
     * lease has not expired.
     */
    boolean lease(DSLContext tx, String env, String target, String holder, Instant now, Instant until) {
        Record r = tx.select(SYNC_LEASES.HOLDER, SYNC_LEASES.EXPIRES_AT).from(SYNC_LEASES)
                .where(SYNC_LEASES.ENV.eq(env).and(SYNC_LEASES.TARGET.eq(target))).fetchOne();
        if (r != null && !r.get(SYNC_LEASES.HOLDER).equals(holder) && Instant.parse(r.get(SYNC_LEASES.EXPIRES_AT))
                .isAfter(now)) {
            return false;
        }
        tx.deleteFrom(SYNC_LEASES).where(SYNC_LEASES.ENV.eq(env).and(SYNC_LEASES.TARGET.eq(target))).execute();
        tx.insertInto(SYNC_LEASES).set(SYNC_LEASES.ENV, env).set(SYNC_LEASES.TARGET, target)
                .set(SYNC_LEASES.HOLDER, holder)
                .set(SYNC_LEASES.EXPIRES_AT, until.toString()).execute();
        return true;
    }

    /** Extends this holder's lease; false when the holder does not hold it. */
    boolean renew(DSLContext tx, String env, String target, String holder, Instant until) {
        return tx.update(SYNC_LEASES).set(SYNC_LEASES.EXPIRES_AT, until.toString())
                .where(SYNC_LEASES.ENV.eq(env).and(SYNC_LEASES.TARGET.eq(target)).and(SYNC_LEASES.HOLDER.eq(holder)))
                .execute() == 1;
    }

    void release(DSLContext tx, String env, String target, String holder) {
        tx.deleteFrom(SYNC_LEASES).where(SYNC_LEASES.ENV.eq(env).and(SYNC_LEASES.TARGET.eq(target))
                .and(SYNC_LEASES.HOLDER.eq(holder))).execute();
    }

    private org.jooq.Condition key(String env, String target, String kind, String uid) {
        return SYNC_OBJECTS.ENV.eq(env).and(SYNC_OBJECTS.TARGET.eq(target)).and(SYNC_OBJECTS.KIND.eq(kind))
                .and(SYNC_OBJECTS.UID.eq(uid));
    }

    private Managed managed(Record r) {
        return new Managed(r.get(SYNC_OBJECTS.KIND), r.get(SYNC_OBJECTS.UID), r.get(SYNC_OBJECTS.TITLE),
                r.get(SYNC_OBJECTS.WRITTEN_HASH), r.get(SYNC_OBJECTS.OBSERVED_HASH),
                r.get(SYNC_OBJECTS.OBSERVED_JSON) == null ? null : json.readTree(r.get(SYNC_OBJECTS.OBSERVED_JSON)),
                r.get(SYNC_OBJECTS.STATE), r.get(SYNC_OBJECTS.SYNCED_VERSION), r.get(SYNC_OBJECTS.LAST_SYNC_AT),
                r.get(SYNC_OBJECTS.ERROR),
                r.get(SYNC_OBJECTS.DRIFT) == null ? null : json.readTree(r.get(SYNC_OBJECTS.DRIFT)));
    }
}
