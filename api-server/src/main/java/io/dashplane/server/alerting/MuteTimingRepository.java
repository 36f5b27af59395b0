package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.MUTE_TIMINGS;

import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for mute timings. */
public final class MuteTimingRepository {

    private final StoredJson json;

    public MuteTimingRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredMuteTiming> find(DSLContext tx, String env, String uid) {
        return tx.selectFrom(MUTE_TIMINGS).where(MUTE_TIMINGS.ENV.eq(env).and(MUTE_TIMINGS.UID.eq(uid)))
                .fetchOptional().map(this::map);
    }

    public Optional<StoredMuteTiming> findByName(DSLContext tx, String env, String name) {
        return tx.selectFrom(MUTE_TIMINGS).where(MUTE_TIMINGS.ENV.eq(env).and(MUTE_TIMINGS.NAME.eq(name)))
                .fetchOptional().map(this::map);
    }

    public List<StoredMuteTiming> list(DSLContext tx, String env) {
        return tx.selectFrom(MUTE_TIMINGS).where(MUTE_TIMINGS.ENV.eq(env)).orderBy(MUTE_TIMINGS.NAME).fetch(this::map);
    }

    public Set<String> names(DSLContext tx, String env) {
        return new HashSet<>(tx.select(MUTE_TIMINGS.NAME).from(MUTE_TIMINGS).where(MUTE_TIMINGS.ENV.eq(env))
                .fetch(MUTE_TIMINGS.NAME));
    }

    public void insert(DSLContext tx, String env, StoredMuteTiming m) {
        tx.insertInto(MUTE_TIMINGS).set(MUTE_TIMINGS.ENV, env).set(MUTE_TIMINGS.UID, m.uid())
                .set(MUTE_TIMINGS.NAME, m.name()).set(MUTE_TIMINGS.DATA, json.write(m.timing()))
                .set(MUTE_TIMINGS.VERSION, m.meta().version()).set(MUTE_TIMINGS.CREATED_AT, m.meta().createdAt())
                .set(MUTE_TIMINGS.UPDATED_AT, m.meta().updatedAt()).execute();
    }

    public void update(DSLContext tx, String env, StoredMuteTiming m) {
        long basedOn = m.meta().version() - 1;
        Condition key = MUTE_TIMINGS.ENV.eq(env).and(MUTE_TIMINGS.UID.eq(m.uid()));
        int rows = tx.update(MUTE_TIMINGS).set(MUTE_TIMINGS.NAME, m.name()).set(MUTE_TIMINGS.DATA, json.write(m.timing()))
                .set(MUTE_TIMINGS.VERSION, m.meta().version())
                .set(MUTE_TIMINGS.UPDATED_AT, m.meta().updatedAt()).where(key.and(MUTE_TIMINGS.VERSION.eq(basedOn)))
                .execute();
        Versions.applied(rows, tx, MUTE_TIMINGS, key, basedOn, "mute timing '" + m.uid() + "'");
    }

    /**
     * Deletes the mute timing only while it is at {@code version} (the version the delete was decided on): 409 when
     * another write changed it since, 404 when it is gone. Returns the row it removed.
     */
    public List<StoredRow> delete(DSLContext tx, String env, String uid, long version) {
        Condition key = MUTE_TIMINGS.ENV.eq(env).and(MUTE_TIMINGS.UID.eq(uid));
        return Versions.deleteAt(tx, MUTE_TIMINGS, key, MUTE_TIMINGS.VERSION, version, "mute timing '" + uid + "'",
                row(tx, env, uid).stream().toList());
    }

    /** The stored row of the mute timing, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String uid) {
        return StoredRow.read(tx, MUTE_TIMINGS, MUTE_TIMINGS.ENV.eq(env).and(MUTE_TIMINGS.UID.eq(uid)), env, "mute-timing", uid);
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(MUTE_TIMINGS);
    }

    private StoredMuteTiming map(Record r) {
        return new StoredMuteTiming(r.get(MUTE_TIMINGS.UID), json.read(r.get(MUTE_TIMINGS.DATA), MuteTiming.class),
                new ObjectMeta(r.get(MUTE_TIMINGS.VERSION), r.get(MUTE_TIMINGS.CREATED_AT),
                r.get(MUTE_TIMINGS.UPDATED_AT)));
    }
}
