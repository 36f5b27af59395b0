package io.dashplane.server.alerting;

import static io.dashplane.server.alerting.AlertingColumns.CREATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.DATA;
import static io.dashplane.server.alerting.AlertingColumns.ENV;
import static io.dashplane.server.alerting.AlertingColumns.NAME;
import static io.dashplane.server.alerting.AlertingColumns.UID;
import static io.dashplane.server.alerting.AlertingColumns.UPDATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.VERSION;
import static io.dashplane.server.storage.Tables.table;

import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for mute timings. */
public final class MuteTimingRepository {
    private static final Table<?> MUTE_TIMINGS = table("mute_timings");

    private final StoredJson json;

    public MuteTimingRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredMuteTiming> find(DSLContext tx, String env, String uid) {
        return tx.selectFrom(MUTE_TIMINGS).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional().map(this::map);
    }

    public Optional<StoredMuteTiming> findByName(DSLContext tx, String env, String name) {
        return tx.selectFrom(MUTE_TIMINGS).where(ENV.eq(env).and(NAME.eq(name))).fetchOptional().map(this::map);
    }

    public List<StoredMuteTiming> list(DSLContext tx, String env) {
        return tx.selectFrom(MUTE_TIMINGS).where(ENV.eq(env)).orderBy(NAME).fetch(this::map);
    }

    public Set<String> names(DSLContext tx, String env) {
        return new HashSet<>(tx.select(NAME).from(MUTE_TIMINGS).where(ENV.eq(env)).fetch(NAME));
    }

    public void insert(DSLContext tx, String env, StoredMuteTiming m) {
        tx.insertInto(MUTE_TIMINGS).set(ENV, env).set(UID, m.uid()).set(NAME, m.name()).set(DATA, json.write(m.timing()))
                .set(VERSION, m.meta().version()).set(CREATED_AT, m.meta().createdAt())
                .set(UPDATED_AT, m.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "mute-timing", m.uid(), MUTE_TIMINGS, ENV.eq(env).and(UID.eq(m.uid())), true);
    }

    public void update(DSLContext tx, String env, StoredMuteTiming m) {
        long basedOn = m.meta().version() - 1;
        int rows = tx.update(MUTE_TIMINGS).set(NAME, m.name()).set(DATA, json.write(m.timing()))
                .set(VERSION, m.meta().version()).set(UPDATED_AT, m.meta().updatedAt())
                .where(ENV.eq(env).and(UID.eq(m.uid())).and(VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, MUTE_TIMINGS, ENV.eq(env).and(UID.eq(m.uid())), basedOn,
                "mute timing '" + m.uid() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "mute-timing", m.uid(), MUTE_TIMINGS, ENV.eq(env).and(UID.eq(m.uid())), false);
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public void delete(DSLContext tx, String env, String uid, long version) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "mute-timing", uid, MUTE_TIMINGS, ENV.eq(env).and(UID.eq(uid)));
        int rows = tx.deleteFrom(MUTE_TIMINGS).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, MUTE_TIMINGS, ENV.eq(env).and(UID.eq(uid)), version, "mute timing '" + uid + "'");
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(MUTE_TIMINGS);
    }

    private StoredMuteTiming map(Record r) {
        return new StoredMuteTiming(r.get(UID), json.read(r.get(DATA), MuteTiming.class), AlertingColumns.meta(r));
    }
}
